/**
 * The part of @actions/core the Action uses, as an interface: main.ts binds it to the real toolkit, and the
 * logic takes it as a parameter, so publishing and credentials are tested without a runner.
 */
import * as actionsCore from '@actions/core';

/** Where a workflow-command annotation points. */
export interface AnnotationProperties {
  /** Shown above the message. */
  title?: string;
  /** Path relative to the repository. */
  file?: string;
  /** 1-based. */
  startLine?: number;
  /** 1-based. */
  endLine?: number;
  /** 1-based; only on a single line. */
  startColumn?: number;
  /** 1-based; only on a single line. */
  endColumn?: number;
}

/** What the Action asks of the runner. */
export interface Toolkit {
  /** The value of an input, '' when unset. */
  getInput(name: string): string;
  /** Sets a step output. */
  setOutput(name: string, value: string): void;
  /** Masks a value in every later log line. */
  setSecret(secret: string): void;
  /** A log line. */
  info(message: string): void;
  /** A notice annotation. */
  notice(message: string, properties?: AnnotationProperties): void;
  /** A warning annotation. */
  warning(message: string, properties?: AnnotationProperties): void;
  /** An error annotation (does not fail the step). */
  error(message: string, properties?: AnnotationProperties): void;
  /** A GitHub OIDC token for `audience`. */
  getIDToken(audience: string): Promise<string>;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
}

/** The runner's toolkit (@actions/core). */
export function actionsToolkit(): Toolkit {
  return {
    getInput: (name) => actionsCore.getInput(name),
    setOutput: (name, value) => actionsCore.setOutput(name, value),
    setSecret: (secret) => actionsCore.setSecret(secret),
    info: (message) => actionsCore.info(message),
    notice: (message, properties) => actionsCore.notice(message, properties),
    warning: (message, properties) => actionsCore.warning(message, properties),
    error: (message, properties) => actionsCore.error(message, properties),
    getIDToken: (audience) => actionsCore.getIDToken(audience),
    async appendSummary(markdown) {
      await actionsCore.summary.addRaw(markdown, true).write();
    },
  };
}
