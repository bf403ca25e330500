import { describe, expect, it } from 'vitest';
import { createBotApp } from '../../bot/app.ts';
import type { BotServices } from '../../bot/services.ts';

describe('createBotApp', () => {
  it('builds a Socket Mode app when an app token is configured, without opening anything', () => {
    const bot = createBotApp({
      slack: {
        botToken: 'xoxb-test',
        signingSecret: '',
        apiUrl: 'http://127.0.0.1:9/api/',
        transport: { kind: 'socket', appToken: 'xapp-1-A0-1-test' },
      },
      identity: { botId: 'B0', botUserId: 'U0' },
      services: {} as BotServices,
    });
    expect(bot.app).toBeDefined();
    expect(typeof bot.start).toBe('function');
  });

  it('stopping an HTTP app that never started is harmless', async () => {
    const bot = createBotApp({
      slack: {
        botToken: 'xoxb-test',
        signingSecret: 's',
        apiUrl: undefined,
        transport: { kind: 'http', port: 0 },
      },
      identity: { botId: 'B0', botUserId: 'U0' },
      services: { logger: { info() {}, warn() {}, error() {} } } as unknown as BotServices,
    });
    await expect(bot.stop()).resolves.toBeUndefined();
  });
});
