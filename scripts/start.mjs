// `npm start`: launches the Sherwood IDE.
// The desktop IDE (Electron + Svelte) is not built yet; until it is, say so
// plainly and point at what works today instead of pretending.
console.log('Sherwood: the desktop IDE is not built yet in this version.');
console.log('What works today is the command line:');
console.log('  node bin/sherwood.js --help');
process.exitCode = 0;
