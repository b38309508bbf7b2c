import type { Command } from "commander";
import type { Terminal } from "../terminal.js";
export function registerImport(_p: Command, _t: Terminal): void {}
