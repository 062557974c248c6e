import { describe, expect, it } from 'vitest';
import { javaCompilerOutput } from '../../src/run/java-compiler-output.js';
import { planJavaSources } from '../../src/run/java-sources.js';

/** What engram hands javac for `code`, and what the mapping needs. */
function compiled(code: string) {
  const p = planJavaSources(code);
  if (!p.runnable) throw new Error(p.message);
  return { ...p, code };
}

/** javac's copy of line 1 of a wrapped block: engram's imports and class, then the block's first line. */
const WRAPPER_LINE_1 =
  'import java.util.*; import java.util.function.*; import java.util.stream.*; import java.util.concurrent.*; import java.util.concurrent.atomic.*; import java.util.regex.*; import java.io.*; import java.math.*; import java.net.*; import java.nio.file.*; public class Main { public static void main(String[] args) throws Exception { ';

// The javac output below is what javac 21 printed for these blocks, as engram laid them out.
describe('javaCompilerOutput', () => {
  it('tells an error on a wrapped first line with the block’s line and text, never the wrapper', () => {
    const code = 'int x = 1\nSystem.out.println(x + 1);\n';
    const javac = ['Main.java:1: error: \';\' expected', `${WRAPPER_LINE_1}int x = 1`, `${' '.repeat(WRAPPER_LINE_1.length + 9)}^`, '1 error', ''].join('\n');
    expect(javaCompilerOutput(javac, compiled(code))).toBe(['line 1: error: \';\' expected', 'int x = 1', '         ^', '1 error', ''].join('\n'));
  });

  it('points into a method engram moved below main at the method’s own line', () => {
    const code = 'System.out.println(sq(2));\n\nint sq(int x) {\n  return x * x\n}\n';
    const javac = ['Main.java:9: error: \';\' expected', '  return x * x', '              ^', '1 error', ''].join('\n');
    expect(javaCompilerOutput(javac, compiled(code))).toBe(['line 4: error: \';\' expected', '  return x * x', '              ^', '1 error', ''].join('\n'));
  });

  it('puts an error in engram’s closing braces (a brace left open) at the end of the block', () => {
    const code = 'if (true) {\n  System.out.println(1);\n';
    const javac = ['Main.java:6: error: reached end of file while parsing', '}', ' ^', '1 error', ''].join('\n');
    expect(javaCompilerOutput(javac, compiled(code))).toBe(['line 2: error: reached end of file while parsing', '  System.out.println(1);', `${' '.repeat(24)}^`, '1 error', ''].join('\n'));
  });

  it('keeps the symbol detail and leaves out the wrapper class as the location', () => {
    const code = 'System.out.println(undefinedThing);\n';
    const javac = ['Main.java:1: error: cannot find symbol', `${WRAPPER_LINE_1}System.out.println(undefinedThing);`, `${' '.repeat(WRAPPER_LINE_1.length + 19)}^`, '  symbol:   variable undefinedThing', '  location: class Main', '1 error', ''].join('\n');
    expect(javaCompilerOutput(javac, compiled(code))).toBe(
      ['line 1: error: cannot find symbol', 'System.out.println(undefinedThing);', '                   ^', '  symbol:   variable undefinedThing', '1 error', ''].join('\n'),
    );
  });

  it('keeps the lines of a class the user wrote, in each of its files, and its own class as the location', () => {
    const code = 'public class A {\n  public static void main(String[] a) { B.go(); }\n}\npublic class B {\n  static void go() { int y = ; }\n}\n';
    const javac = ['B.java:5: error: illegal start of expression', '  static void go() { int y = ; }', '                            ^', '1 error', ''].join('\n');
    expect(javaCompilerOutput(javac, compiled(code))).toBe(['line 5: error: illegal start of expression', '  static void go() { int y = ; }', '                            ^', '1 error', ''].join('\n'));
    const located = 'A.java:2: error: cannot find symbol\n  public static void main(String[] a) { B.go(); }\n                                        ^\n  symbol:   variable B\n  location: class A\n';
    expect(javaCompilerOutput(located, compiled(code))).toContain('  location: class A');
  });
});
