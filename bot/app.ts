/**
 * Builds the Bolt app and registers the listeners; nothing else. HTTP by default (Bolt's HTTPReceiver behind
 * the request guard, on `/slack/events`), Socket Mode when an app token is configured.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { BotConfig } from './config.ts';
import { guardedListener } from './guarded-listener.ts';
import { registerListeners } from './listeners/index.ts';
import { createRequestGuard, type ReplayCache } from './request-guard.ts';
import type { BotServices } from './services.ts';
import { createTrafficMeter, createWorkLane } from './work-lane.ts';

/** Bolt's default path for events, commands and interactivity: the manifest points all three here. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** The bot user, from auth.test at start; given to Bolt so it never calls auth.test on a request's path. */
export interface BotIdentity {
  /** The bot id (B...). */
  botId: string;
  /** The bot's user id (U...). */
  botUserId: string;
}

/** A built app, ready to start. */
export interface BotApp {
  /** The Bolt app. */
  app: App;
  /** Starts receiving: listens on the port (HTTP) or opens the socket; returns the bound address for HTTP. */
  start(): Promise<AddressInfo | undefined>;
  /** Stops receiving. */
  stop(): Promise<void>;
}

/** How to build the app. */
export interface BotAppOptions {
  /** Slack settings. */
  slack: BotConfig['slack'];
  /** The bot user. */
  identity: BotIdentity;
  /** The handlers' dependencies. */
  services: BotServices;
  /** Interface to listen on (default all). */
  host?: string;
  /** The request guard's clock (tests). */
  now?: () => number;
  /** The replay memory (tests). */
  replayCache?: ReplayCache;
}

/** Builds the Bolt app with the bot's listeners registered. */
export function createBotApp(options: BotAppOptions): BotApp {
  const { slack, identity, services } = options;
  const clientOptions = slack.apiUrl === undefined ? {} : { slackApiUrl: slack.apiUrl };
  const common = {
    token: slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    clientOptions,
    logLevel: LogLevel.WARN,
  };
  if (slack.transport.kind === 'socket') {
    const app = new App({ ...common, appToken: slack.transport.appToken, socketMode: true });
    registerListeners(app, services);
    return {
      app,
      start: async () => {
        await app.start();
        return undefined;
      },
      stop: async () => {
        await app.stop();
      },
    };
  }

  const { port } = slack.transport;
  // Follow-up work waits while requests keep arriving, so that a burst of commands is acknowledged first.
  const traffic = createTrafficMeter();
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logLevel: LogLevel.WARN,
  });
  const app = new App({ ...common, receiver });
  registerListeners(app, services, createWorkLane({ traffic }));
  const guard = createRequestGuard({
    signingSecret: slack.signingSecret,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.replayCache === undefined ? {} : { replayCache: options.replayCache }),
  });
  const server: Server = createServer(
    guardedListener({
      inner: receiver.requestListener,
      guard,
      endpoints: [SLACK_EVENTS_PATH],
      logger: services.logger,
      onRequest: traffic.mark,
    }),
  );
  return {
    app,
    start: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
