/** The bot's operational log: one line per event on stderr, with the time and the level. */
import type { BotLogger } from './services.ts';

/** A logger writing to `stream`, each line prefixed by `prefix`. */
export function createConsoleLogger(
  stream: { write(text: string): unknown },
  prefix: string,
  clock: () => Date = () => new Date(),
): BotLogger {
  const line = (level: string, message: string): void => {
    stream.write(`${clock().toISOString()} ${prefix} ${level}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  };
  return {
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error: (message) => line('error', message),
  };
}
