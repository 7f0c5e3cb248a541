#!/usr/bin/env node
// The `bridges` command. TypeScript sources run through tsx's loader, so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
