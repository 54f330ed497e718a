/** A file that is there but was not read (the core's NotRead, which this seam may not import). */
export interface NotRead {
  kind: 'outside-folder';
  /** The name of the folder it leads outside. */
  folder: string;
}

/**
 * What the server needs from the machine: reading files and listing the SQS files of a folder. The Node
 * implementation is in node/fileSystem.ts; tests and other hosts can supply their own.
 */
export interface FileSystemHost {
  /**
   * The file's bytes, or undefined when it does not exist (or is not a readable file). With `within` (a folder's
   * URI), a file that leads outside that folder (a symbolic link, or a file in a linked folder) is not read:
   * the answer says so, for a finding (SQS008) in place of its text.
   */
  readFile(uri: string, within?: string): Promise<Uint8Array | NotRead | undefined>;
  /** URIs of the SQS files in a folder and below (skipping dependency and hidden folders). */
  findSqsFiles(folderUri: string, cancelled: () => boolean): Promise<string[]>;
  /**
   * The inspection file of the case files in a folder, as `sqs check` finds it: in the folder, or in the first
   * folder above it that has one, as far up as the documented layouts allow (core/index/lookup.ts
   * inspectionSearchLevels). Undefined when there is none, or the folder is not on this disk.
   */
  findInspectionNear(folderUri: string): Promise<string | undefined>;
}
