import {
  PLATT_FEATURES,
  expectedCalibrationError,
  fitPlatt,
  plattConfidence,
} from './calibration.js';

/** A confidence model's features: a top log-probability in [-2, 0], the rest fixed. */
function features(logTop: number): number[] {
  const f = new Array<number>(PLATT_FEATURES).fill(0);
  f[0] = logTop;
  f[PLATT_FEATURES - 1] = 1;
  return f;
}

/** 200 messages: confident ones mostly right, hesitant ones right half the time. */
function messages(): { x: number[][]; y: boolean[] } {
  const x: number[][] = [];
  const y: boolean[] = [];
  for (let i = 0; i < 200; i++) {
    const logTop = -2 + (2 * i) / 199;
    x.push(features(logTop));
    y.push(logTop > -0.5 ? i % 10 !== 0 : i % 2 === 0);
  }
  return { x, y };
}

describe('the confidence model', () => {
  it('is more confident where the held-out messages were more often right', () => {
    const { x, y } = messages();
    const w = fitPlatt(x, y);
    expect(plattConfidence(w, features(-0.05))).toBeGreaterThan(0.7);
    expect(plattConfidence(w, features(-1.8))).toBeLessThan(0.5);
  });

  it('counts a message with weight 2 as two messages, and one with weight 0 not at all', () => {
    const { x, y } = messages();
    const doubled = fitPlatt([...x, ...x.slice(0, 50)], [...y, ...y.slice(0, 50)]);
    const weighted = fitPlatt(
      x,
      y,
      x.map((_, i) => (i < 50 ? 2 : 1)),
    );
    weighted.forEach((w, i) => expect(w).toBeCloseTo(doubled[i]!, 6));
    const dropped = fitPlatt(x.slice(50), y.slice(50));
    const zeroed = fitPlatt(
      x,
      y,
      x.map((_, i) => (i < 50 ? 0 : 1)),
    );
    zeroed.forEach((w, i) => expect(w).toBeCloseTo(dropped[i]!, 6));
  });

  it('is less confident the more the wrong messages count', () => {
    const { x, y } = messages();
    const half = fitPlatt(
      x,
      y,
      y.map((right) => (right ? 1 : 0.5)),
    );
    const full = fitPlatt(x, y);
    expect(plattConfidence(half, features(-1))).toBeGreaterThan(
      plattConfidence(full, features(-1)),
    );
  });
});

describe('the expected calibration error', () => {
  it('is 0 when each bin is as often right as it is confident, and the gap otherwise', () => {
    const confidences = [0.25, 0.25, 0.25, 0.25, 0.95, 0.95];
    expect(
      expectedCalibrationError(confidences, [true, false, false, false, true, true]),
    ).toBeCloseTo((4 * 0 + 2 * 0.05) / 6, 6);
    expect(expectedCalibrationError([0.9, 0.9], [false, false])).toBeCloseTo(0.9, 6);
  });
});
