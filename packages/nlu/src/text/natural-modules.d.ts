// natural's package index loads its whole toolkit (and dotenv); we import only the stemmer.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
