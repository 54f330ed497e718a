import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { hostedWarning } from '../../client/src/hosted';

// Case files describe children: opened from a hosted repository (github.dev), they are on someone else's servers.

describe('the warning for SQS files in a hosted repository', () => {
  it('names the repository host for a vscode-vfs: file, and says to keep case files in a local folder', () => {
    const warning = hostedWarning([URI.file('/ws/inspection.sqs.yaml'), URI.parse('vscode-vfs://github/hmip/liverpool/cases/liv-01.case.sqs.yaml')]);
    assert.match(warning ?? '', /^These SQS files are in a hosted repository \(github\), not on this machine\./);
    assert.match(warning ?? '', /keep them in a local folder/);
  });

  it('says nothing for a folder on this machine, a local folder in vscode.dev or a remote machine', () => {
    for (const uri of ['file:///ws/inspection.sqs.yaml', 'vscode-remote://ssh-remote+box/ws/inspection.sqs.yaml'])
      assert.equal(hostedWarning([URI.parse(uri)]), undefined, uri);
    assert.equal(hostedWarning([]), undefined);
  });
});
