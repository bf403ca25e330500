import type { PolicyDocument } from '../document.ts';
import type { BuiltDocument } from './build-document.ts';
import type { ExtractResult, LocatedProblem, PolicyFile } from './extract-result.ts';
import { createLineIndex, type LineIndex } from './line-index.ts';

/** Gathers the documents and problems of one file, stamping problems with the file's path. */
export interface Collector {
  /** The result so far. */
  readonly result: ExtractResult;
  /** Adds a built document (when there is one) and its problems; returns the document. */
  addBuilt(built: BuiltDocument): PolicyDocument | undefined;
  /** Adds one problem. */
  addProblem(problem: LocatedProblem): void;
}

/** What every extractor works with while reading one file. */
export interface ExtractContext {
  file: PolicyFile;
  /** Line starts of the file, for turning offsets into positions. */
  lines: LineIndex;
  collector: Collector;
}

/** A fresh context for reading `file`. */
export function createExtractContext(file: PolicyFile): ExtractContext {
  return { file, lines: createLineIndex(file.text), collector: createCollector(file.path) };
}

/** A collector for the file at `path`. */
export function createCollector(path: string): Collector {
  const result: ExtractResult = { documents: [], problems: [], suppressionComments: [] };
  const addProblem = (problem: LocatedProblem) => {
    result.problems.push({ kind: problem.kind, file: path, message: problem.message, range: problem.range });
  };
  return {
    result,
    addProblem,
    addBuilt(built) {
      built.problems.forEach(addProblem);
      if (built.document) result.documents.push(built.document);
      return built.document;
    },
  };
}
