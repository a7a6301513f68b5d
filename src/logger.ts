// Minimal structured logging: one JSON object per line on stderr. Callers pass only
// values that are safe to log; credentials live in adapters' auth hooks and never get
// here. Tests can capture lines with setLogSink to check exactly that.
type Level = 'info' | 'warn' | 'error';

let sink: ((line: string) => void) | null = null;

/** Sends log lines to `capture` instead of stderr (tests); null restores stderr. */
export function setLogSink(capture: ((line: string) => void) | null): void {
  sink = capture;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (sink) sink(line);
  else if (process.env.LOG_LEVEL !== 'silent') process.stderr.write(`${line}\n`);
}

export const logger = {
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
