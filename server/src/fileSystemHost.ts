/** A file that is there but was not read, and why (the core's NotRead, which this seam may not import). */
export type NotRead =
  /** The name of the folder it leads outside. */
  | { kind: 'outside-folder'; folder: string }
  /** Why the disk refused it, in a few words ("permission denied"). */
  | { kind: 'unreadable'; reason: string }
  /** A symbolic link where this host cannot tell where links lead (the editor's file system has no realpath). */
  | { kind: 'link-not-followed' };

/**
 * What the server needs from the machine: reading files and listing the SQS files of a folder. The Node
 * implementation is in node/fileSystem.ts; tests and other hosts can supply their own.
 */
export interface FileSystemHost {
  /**
   * The file's bytes; undefined when there is no such file; NotRead when there is one and it was not read: the
   * disk refused it (permission denied, a disk error, a pipe or a device rather than a file), or, with `within` (a
   * folder's URI), it leads outside that folder (a symbolic link, or a file in a linked folder). The server reports
   * that on the file (SQS004, SQS008) rather than leave its judgements silently out of the tallies.
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
