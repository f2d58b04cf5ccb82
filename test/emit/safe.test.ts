import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  docComment,
  lineComment,
  markdownCodeBlock,
  markdownInlineCode,
  markdownText,
  propertyAccess,
  propertyKey,
  stringLiteral,
} from '../../src/emit/safe.js';
import { NASTY_TEXT } from './support/hostile.js';

/** Parses `source` as TypeScript and returns its syntax errors. */
function syntaxErrors(source: string): readonly ts.Diagnostic[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  return (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
}

/** The statements TypeScript sees in `source`. */
function statements(source: string): readonly ts.Statement[] {
  return ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true).statements;
}

const HOSTILE: readonly [string, string][] = [
  ['comment close', 'a */ b'],
  ['comment open', '/* a'],
  ['backticks', '`x` ``` y'],
  ['template hole', '${process.exit(1)}'],
  ['single quote', "it's"],
  ['double quote', 'say "hi"'],
  ['backslashes', 'C:\\path\\to\\'],
  ['trailing backslash', 'ends with \\'],
  ['line separators', 'a\u2028b\u2029c'],
  ['CR and CRLF', 'a\rb\r\nc'],
  ['RTL override', 'abc\u202Edef\u202C'],
  ['RTL mark', '\u200Fשלום\u200E'],
  ['emoji', '😀 👍🏽 🇨🇳'],
  ['lone high surrogate', 'x\uD800y'],
  ['lone low surrogate', 'x\uDC00y'],
  ['NUL and BEL', 'a\u0000b\u0007c'],
  ['BOM', '\uFEFFbom'],
  ['C1 control', 'a\u0085b'],
  ['Chinese', '用户注册-验证码方式'],
  ['everything', NASTY_TEXT],
];

describe('stringLiteral', () => {
  it.each(HOSTILE)('round-trips %s', (_name, text) => {
    const literal = stringLiteral(text);
    expect(runInNewContext(literal)).toBe(text);
    expect(syntaxErrors(`const x = ${literal};`)).toEqual([]);
  });

  it.each([
    ['plain', 'abc', "'abc'"],
    ['quote', "it's", "'it\\'s'"],
    ['newline', 'a\nb', "'a\\nb'"],
    ['U+2028', 'a\u2028b', "'a\\u2028b'"],
    ['bidi', 'a\u202Eb', "'a\\u202eb'"],
    ['Chinese stays readable', '会员', "'会员'"],
  ])('%s', (_name, given, want) => {
    expect(stringLiteral(given)).toBe(want);
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const literal = stringLiteral(text);
        expect(runInNewContext(literal)).toBe(text);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
    );
  });
});

describe('docComment', () => {
  it.each(HOSTILE)('keeps %s inside one comment', (_name, text) => {
    const block = docComment(
      [
        { kind: 'text', text },
        { kind: 'tag', tag: 'example', text },
      ],
      '  ',
    );
    const source = `interface A {\n${block}  x: string;\n}\n`;
    expect(syntaxErrors(source)).toEqual([]);
    const [iface] = statements(source);
    expect(iface !== undefined && ts.isInterfaceDeclaration(iface) && iface.members.length).toBe(1);
    for (const ch of ['\r', '\u2028', '\u2029', '\u202E', '\u200F', '\u0000', '\u0007', '\uFEFF']) {
      expect(block.includes(ch), JSON.stringify(ch)).toBe(false);
    }
  });

  it('never closes early on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const source = `${docComment([{ kind: 'text', text }], '')}const x = 1;\n`;
        expect(syntaxErrors(source)).toEqual([]);
        expect(statements(source)).toHaveLength(1);
      }),
    );
  });

  it('turns no doc text into a tag', () => {
    const block = docComment(
      [
        {
          kind: 'text',
          text: '@deprecated use x\n  @internal\nsee {@link http://x}\n已下线 @deprecated, mail a@b.c',
        },
      ],
      '',
    );
    expect(block).toBe(
      '/**\n * \\@deprecated use x\n *   \\@internal\n * see {\\@link http://x}\n * 已下线 \\@deprecated, mail a@b.c\n */\n',
    );
    const [statement] = statements(`${block}const x = 1;`);
    expect(statement === undefined ? [] : ts.getJSDocTags(statement)).toEqual([]);
  });

  it.each([
    ['nothing', [], ''],
    ['blank text', [{ kind: 'text', text: '  \n ' }], ''],
    ['one line', [{ kind: 'text', text: '会员名称' }], '/** 会员名称 */\n'],
    [
      'paragraphs and tags',
      [
        { kind: 'text', text: 'Title' },
        { kind: 'text', text: 'a\r\nb' },
        { kind: 'tag', tag: 'maxLength', text: '64' },
        { kind: 'tag', tag: 'example', text: 'x\ny' },
      ],
      '/**\n * Title\n *\n * a\n * b\n *\n * @maxLength 64\n * @example\n * x\n * y\n */\n',
    ],
  ] as const)('%s', (_name, parts, want) => {
    expect(docComment(parts, '')).toBe(want);
  });

  it('rejects a tag name that is not a word', () => {
    expect(() => docComment([{ kind: 'tag', tag: 'x */' }], '')).toThrow(/tag name/);
  });
});

describe('lineComment', () => {
  it.each(HOSTILE)('keeps %s on one comment line', (_name, text) => {
    const source = `// ${lineComment(text)}\nconst x = 1;\n`;
    expect(statements(source)).toHaveLength(1);
    expect(source.split('\n')).toHaveLength(3);
  });
});

describe('property keys', () => {
  it.each([
    ['plain', 'auth_code', 'auth_code', '.auth_code'],
    ['camelCase', 'isvItemCodeList', 'isvItemCodeList', '.isvItemCodeList'],
    ['reserved word', 'class', "'class'", "['class']"],
    ['default', 'default', "'default'", "['default']"],
    ['digit first', '1st_value', "'1st_value'", "['1st_value']"],
    ['dash', 'a-b', "'a-b'", "['a-b']"],
    ['__proto__', '__proto__', "'__proto__'", "['__proto__']"],
    ['constructor', 'constructor', "'constructor'", "['constructor']"],
    ['then is just a name', 'then', 'then', '.then'],
    ['unicode', '名字', "'名字'", "['名字']"],
    ['type keyword', 'string', "'string'", "['string']"],
    ['empty', '', "''", "['']"],
    ['quote', "it's", "'it\\'s'", "['it\\'s']"],
  ])('%s', (_name, given, key, access) => {
    expect(propertyKey(given)).toBe(key);
    expect(propertyAccess(given)).toBe(access);
    const source = `interface A { ${propertyKey(given)}?: string }`;
    expect(syntaxErrors(source)).toEqual([]);
    const [iface] = statements(source);
    const member = iface !== undefined && ts.isInterfaceDeclaration(iface) ? iface.members[0] : undefined;
    const name = member?.name;
    expect(
      name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined,
    ).toBe(given);
  });
});

describe('markdown', () => {
  it('escapes table and HTML syntax in text', () => {
    expect(markdownText('a | b <script> *x* `c`\nnext')).toBe('a \\| b \\<script\\> \\*x\\* \\`c\\` next');
  });

  it('fences inline code longer than its backtick runs', () => {
    expect(markdownInlineCode('a')).toBe('`a`');
    expect(markdownInlineCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownInlineCode('a `b` ``c``')).toBe('``` a `b` ``c`` ```');
    expect(markdownInlineCode('`x')).toBe('`` `x ``');
  });

  it('fences a code block longer than its backtick runs', () => {
    expect(markdownCodeBlock("const a = '```';", 'ts')).toBe("````ts\nconst a = '```';\n````\n");
    expect(markdownCodeBlock('x\n', 'ts')).toBe('```ts\nx\n```\n');
  });
});
