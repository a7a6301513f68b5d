// Structured JSON logs (pino), one object per line on stderr. Callers pass only values
// that are safe to log; as a second line of defence, fields that usually hold secrets are
// redacted wherever they appear. Tests capture lines with setLogSink.
import { Writable } from 'node:stream';
import pino from 'pino';

let sink: ((line: string) => void) | null = null;

const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const line = chunk.toString().trimEnd();
    if (sink) sink(line);
    else process.stderr.write(`${line}\n`);
    done();
  },
});

/** LOG_LEVEL (pino's levels, or `silent`); default info. Below the level nothing is built. */
const configuredLevel = (() => {
  const wanted = process.env.LOG_LEVEL;
  return wanted && (wanted === 'silent' || wanted in pino.levels.values) ? wanted : 'info';
})();

export const logger = pino(
  {
    level: configuredLevel,
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.authToken', '*.userToken', '*.token', '*.secretKey', '*.accessKey', '*.password', '*.archiveToken', '*["auth-token"]', '*["x-ncp-apigw-signature-v2"]'],
      censor: '[redacted]',
    },
  },
  destination,
);

/** Sends log lines to `capture` instead of stderr (tests); null restores stderr. */
export function setLogSink(capture: ((line: string) => void) | null): void {
  sink = capture;
  logger.level = capture ? 'info' : configuredLevel;
}
