// A word written so that sh reads it back as the same word: as it is when it holds nothing the
// shell would act on, else in single quotes (a quote inside as '\''), as GNU's quotearg
// shell-escape and Python's shlex.quote write it. find -exec, xargs, env and a container's
// argv handed to the simulated shell as one line all need it, from the docker layer up.

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  return PLAIN.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
