import { describe, expect, it } from 'vitest';
import { blankCode } from '../../src/run/blank-code.js';
import { firstCompilerError } from '../../src/run/compiler-message.js';
import { isModuleSource } from '../../src/run/js-module.js';

describe('blankCode', () => {
  it('blanks comments and literal contents, keeping every offset and newline', () => {
    const java = 'int a; // class X\n/* main(\n */ String s = "class Y"; char c = \'{\'; String t = """\n  main(\n  """;';
    const blanked = blankCode(java, 'java');
    expect(blanked).toHaveLength(java.length);
    expect(blanked.split('\n')).toHaveLength(java.split('\n').length);
    expect(blanked).not.toMatch(/class|main|\{/);
    expect(blanked).toContain('String s = "       ";');
  });

  it('handles escapes and unterminated literals', () => {
    expect(blankCode('"a\\"b" x', 'java')).toBe('"    " x');
    expect(blankCode('"open\nnext', 'java')).toBe('"    \nnext');
    expect(blankCode('`a ${b}\n c` d', 'javascript')).toBe('`      \n  ` d');
  });
});

describe('isModuleSource', () => {
  it.each([
    ['import fs from "node:fs";', true],
    ["import 'node:process';", true],
    ['import * as p from "node:path";', true],
    ['export const x = 1;', true],
    ['console.log(import.meta.url);', true],
    ['await Promise.resolve(1);', true],
    ['const fs = require("node:fs");', false],
    ['const m = await import("x");', true],
    ['async function f() { await g(); }', false],
    ['import("node:fs").then(() => {});', false],
    ['// import fs from "fs"\nconsole.log("import x from y");', false],
    ['const s = `\nimport x from "y"\n`;', false],
  ])('%s -> %s', (code, module) => {
    expect(isModuleSource(code)).toBe(module);
  });
});

describe('firstCompilerError', () => {
  it('picks the first error line, with javac symbol details', () => {
    const javac = 'Main.java:2: error: cannot find symbol\n        x.y();\n        ^\n  symbol:   variable x\n  location: class Main\n1 error\n';
    expect(firstCompilerError(javac)).toBe('Main.java:2: error: cannot find symbol (symbol: variable x)');
    expect(firstCompilerError("main.c: In function 'main':\nmain.c:1:25: error: 'y' undeclared\n")).toBe("main.c:1:25: error: 'y' undeclared");
    expect(firstCompilerError('# command-line-arguments\n./main.go:3:2: x declared and not used\n')).toBe('./main.go:3:2: x declared and not used');
    expect(firstCompilerError('')).toBe('');
  });
});
