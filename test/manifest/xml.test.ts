// The strict XML parser under the manifest check: what is well-formed, what is not, and where.
import fc from 'fast-check';
import { parseXml, walk, XmlSyntaxError } from '../../scripts/lib/xml';

describe('parseXml accepts well-formed documents', () => {
  it('resolves default and prefixed namespaces, nested overrides included', () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<A xmlns="urn:a" xmlns:b="urn:b">
  <b:C/>
  <D xmlns="urn:d"><E b:attr="1"/></D>
</A>`);
    const names = [...walk(root)].map(([e]) => `${e.ns}|${e.local}`);
    expect(names).toEqual(['urn:a|A', 'urn:b|C', 'urn:d|D', 'urn:d|E']);
  });

  it.each([
    ['predefined entities', '<a t="&lt;&amp;&quot;&apos;&gt;">x &amp; y</a>', '<&"\'>', 'x & y'],
    ['numeric references', '<a t="&#x6574;&#25913;">&#x53F0;</a>', '整改', '台'],
    ['CDATA', '<a t="">  <![CDATA[<b>&amp;</b>]]> </a>', '', '<b>&amp;</b>'],
    ['single quotes and spaces around =', "<a t = 'v'/>", 'v', ''],
    ['a byte-order mark', '\uFEFF<a t="v"/>', 'v', ''],
  ])('%s', (_what, xml, attribute, text) => {
    const root = parseXml(xml);
    expect(root.attributes.t).toBe(attribute);
    expect(root.text).toBe(text);
  });

  it('records the line and column of each element', () => {
    const root = parseXml('<a>\n  <b/>\n    <c/>\n</a>');
    expect(root.children.map((c) => [c.local, c.line, c.column])).toEqual([['b', 2, 3], ['c', 3, 5]]);
  });
});

describe('parseXml rejects what is not well-formed, with the line', () => {
  it.each([
    ['no root element', '<?xml version="1.0"?>', 1],
    ['two root elements', '<a/>\n<b/>', 2],
    ['a mismatched end tag', '<a>\n<b></a>', 2],
    ['an element never closed', '<a><b/>', 1],
    ['an unquoted attribute', '<a\n t=v/>', 2],
    ['a repeated attribute', '<a t="1" t="2"/>', 1],
    ['an attribute repeated through its namespace', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:t="1" q:t="2"/>', 1],
    ['< inside an attribute value', '<a t="<"/>', 1],
    ['a bare ampersand', '<a>\n\nAT&T</a>', 3],
    ['an unknown entity', '<a>&nbsp;</a>', 1],
    ['an undeclared prefix', '<a>\n<bt:Image/></a>', 2],
    ['-- inside a comment', '<a><!-- a -- b --></a>', 1],
    ['text after the root', '<a/>x', 1],
    ['an XML declaration that is not first', ' <?xml version="1.0"?><a/>', 1],
    ['attributes not separated by space', '<a t="1"u="2"/>', 1],
  ])('%s', (_what, xml, line) => {
    let error: unknown;
    try {
      parseXml(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).line).toBe(line);
  });

  it('throws nothing but XmlSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseXml(text);
        } catch (e) {
          expect(e).toBeInstanceOf(XmlSyntaxError);
        }
      }),
    );
  });

  it('throws nothing but XmlSyntaxError on tag soup', () => {
    const piece = fc.constantFrom('<a>', '</a>', '<b x="1"/>', '&amp;', '&', '<!--', '-->', '<![CDATA[', ']]>', 'text', '<?pi?>', '"', '<p:c>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        try {
          parseXml(pieces.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(XmlSyntaxError);
        }
      }),
    );
  });
});
