// Stops any npm script that would run under a Node.js older than Astro needs.
// The project brings Node 24 as the devDependency "node": npm puts node_modules/.bin first on PATH,
// so this file runs under that Node. If it runs under the system Node instead, the runtime is missing,
// most often because dependencies were installed with --ignore-scripts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `\nThis project needs Node.js 22.12 or newer; this script is running under Node ${process.versions.node} (${process.execPath}).\n` +
      'The project installs its own Node 24 (devDependency "node"). Run `npm install` (without --ignore-scripts)\n' +
      'so that its install script can fetch the runtime, then run the command again.\n',
  );
  process.exit(1);
}
