import type { Command } from "commander";
import type { Terminal } from "../terminal.js";
export function registerIntro(_p: Command, _t: Terminal): void {}
