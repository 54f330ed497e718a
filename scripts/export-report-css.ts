// Writes the report's theme stylesheet (the HTML renderer's CSS for a VS Code webview) where the preview's page
// links it, so the extension shows the renderer's styles without importing the renderer. Run by esbuild.mjs.
import path from 'node:path';
import { themeCss } from '../server/src/render/styles';
import { writeIfChanged } from './writeIfChanged';

writeIfChanged(path.join(process.argv[2] ?? 'media/out', 'report.css'), `${themeCss}\n`);
