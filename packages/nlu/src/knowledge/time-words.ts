/**
 * Words that make up times, dates and durations ("at 5 pm", "in three weeks", "next Friday",
 * "this spring"). The sequence labeller reads them as a feature so that a time span is
 * recognised from its vocabulary, not only from words seen next to it in training.
 */
export const TIME_WORDS: readonly string[] = [
  ...['now', 'today', 'tonight', 'tomorrow', 'yesterday', 'tomorrows', 'todays', 'currently'],
  ...['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'midday', 'dawn', 'dusk'],
  ...['sunrise', 'sunset', 'lunch', 'breakfast', 'dinner', 'brunch', 'supper', 'elevenses'],
  ...['teatime', 'lunchtime', 'dinnertime', 'weekend', 'weekday', 'weekdays', 'weekends'],
  ...['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks'],
  ...['fortnight', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century'],
  ...['am', 'pm', 'a.m', 'p.m', "o'clock", 'oclock'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september'],
  ...['october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug'],
  ...['sep', 'sept', 'oct', 'nov', 'dec'],
  ...['spring', 'summer', 'autumn', 'fall', 'winter', 'season'],
  ...['christmas', 'easter', 'thanksgiving', 'halloween', 'holiday', 'holidays', 'eve'],
  ...['ago', 'later', 'soon', 'from', 'until', 'till', 'before', 'after', 'next', 'last'],
  ...['previous', 'following', 'upcoming', 'coming', 'early', 'late', 'mid', 'o', 'daily'],
];

/** Cardinal and ordinal number words ("a table for five", "the third of May"). */
export const NUMBER_WORDS: readonly string[] = [
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  ...['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'],
  ...['eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy'],
  ...['eighty', 'ninety', 'hundred', 'thousand', 'million', 'dozen', 'couple', 'half'],
  ...['first', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  ...['eleventh', 'twelfth', 'thirteenth', 'fifteenth', 'twentieth', 'thirtieth'],
  ...['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'],
];
