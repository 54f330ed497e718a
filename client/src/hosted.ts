// Case files describe children. A folder opened from a hosted repository (github.dev, a GitHub or Azure Repos folder
// in the editor: `vscode-vfs:`) means they are in that repository, on someone else's servers, for anyone it is shared
// with. The extension works there all the same (the README says not to do it); it says so once, where it cannot be
// missed. Free of `vscode`, so the rule is tested as it is.

/** Schemes of folders that live in a hosted repository rather than on the inspector's machine. */
export const hostedSchemes: readonly string[] = ['vscode-vfs'];

/** The warning for SQS files at these URIs, or undefined when none is in a hosted repository. */
export function hostedWarning(uris: readonly { scheme: string; authority: string }[]): string | undefined {
  const hosted = uris.find((u) => hostedSchemes.includes(u.scheme));
  if (!hosted) return undefined;
  const where = hosted.authority ? ` (${hosted.authority})` : '';
  return (
    `These SQS files are in a hosted repository${where}, not on this machine. Case files describe children: keep them ` +
    `in a local folder (Open Folder…), not in a repository on someone else's servers.`
  );
}
