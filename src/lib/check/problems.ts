/** A problem found by the checks: where it is, what is wrong and what to do, and whether it stops the build. */
export interface Problem {
  severity: 'error' | 'warning';
  /** "file:line" or "file row N, column …" as far as known. */
  where: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.severity === 'error' ? 'error  ' : 'warning'} ${p.where}: ${p.message}`;
}

/** DataError messages already start with "file row N, column …: …"; split that into where and message. */
export function fromDataMessage(text: string): Problem {
  const m = /^(.*?(?:row \d+(?:, column "[^"]*")?|\.csv)): (.*)$/s.exec(text);
  return m ? { severity: 'error', where: m[1], message: m[2] } : { severity: 'error', where: 'data', message: text };
}
