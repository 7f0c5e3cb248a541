// Entry of analysis worker threads. A worker does not inherit the loader hooks the main thread registered
// (bin/bridges.mjs calls tsx's register()), so it registers tsx itself before importing the TypeScript body.
// Resolving 'tsx' from this file (not from the working directory) keeps it working wherever the server starts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
