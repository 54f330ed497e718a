/**
 * What the server needs from the machine: reading files and listing the SQS files of a folder. The Node
 * implementation is in node/fileSystem.ts; tests and other hosts can supply their own.
 */
export interface FileSystemHost {
  /** The file's bytes, or undefined when it does not exist (or is not a readable file). */
  readFile(uri: string): Promise<Uint8Array | undefined>;
  /** URIs of the SQS files in a folder and below (skipping dependency and hidden folders). */
  findSqsFiles(folderUri: string, cancelled: () => boolean): Promise<string[]>;
  /**
   * The inspection file nearest above a file or folder: in the folder holding `uri`, or the first folder up
   * that has one (as `sqs check` finds it). Undefined when there is none, or `uri` is not on this disk.
   */
  findInspectionAbove(uri: string): Promise<string | undefined>;
}
