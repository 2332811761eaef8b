// Stops any npm script that would run under a Node.js older than the project needs: Astro needs 22.12; the
// build's own scripts are TypeScript that Node runs itself (type stripping, on by default from 22.18), and
// the share card processes resolve imports with module.registerHooks (22.15).
// The project brings Node 24 as the devDependency "node": npm puts node_modules/.bin first on PATH,
// so this file runs under that Node. If it runs under the system Node instead, the runtime is missing,
// most often because dependencies were installed with --ignore-scripts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `\nThis project needs Node.js 22.18 or newer; this script is running under Node ${process.versions.node} (${process.execPath}).\n` +
      'The project installs its own Node 24 (devDependency "node"). Run `npm install` (without --ignore-scripts)\n' +
      'so that its install script can fetch the runtime, then run the command again.\n',
  );
  process.exit(1);
}
