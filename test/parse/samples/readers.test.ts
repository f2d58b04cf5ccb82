import { describe, expect, it } from 'vitest';
import type { EvidenceNode } from '../../../src/model/passes/nesting/evidence.js';
import { readJavaSample } from '../../../src/parse/samples/java.js';
import { jsonEvidence, readJsonSample } from '../../../src/parse/samples/json.js';
import type { SampleBody } from '../../../src/parse/samples/body.js';
import { parseXmlForest, unescapeXml, xmlEvidence } from '../../../src/parse/samples/xml.js';

/** A sample body whose first line is file line `first`. */
function body(lines: readonly string[], first = 1, cut = false): SampleBody {
  return { text: lines.join('\n'), lineNos: lines.map((_, i) => first + i), cut, headingLine: first - 2 };
}

/** `name=value` / `name{...}` rendering of an evidence tree, wrappers as `[]`. */
function show(node: EvidenceNode): string {
  const kids = node.children.map(show).join(',');
  const name = node.wrapper ? '[]' : node.name;
  if (node.children.length > 0) return `${name}{${kids}}`;
  return node.value === undefined ? name : `${name}=${node.value}`;
}

describe('Java request sample', () => {
  it('rebuilds nesting from variables: objects, objects in objects, lists, later setters on the outer object', () => {
    const sample = readJavaSample(
      body([
        'TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);',
        'FreshxPromotionCouponUpdateRequest req = new FreshxPromotionCouponUpdateRequest();',
        'req.setTenantKey("234");',
        'FreshxPromotionCouponUpdateRequest.CouponDo obj1 = new FreshxPromotionCouponUpdateRequest.CouponDo();',
        'obj1.setInstruction("满2元可使用");',
        'FreshxPromotionCouponUpdateRequest.User obj2 = new FreshxPromotionCouponUpdateRequest.User();',
        'obj2.setUserNick("菜菜");',
        'obj1.setOperator(obj2);',
        'List<FreshxPromotionCouponUpdateRequest.Guest> list3 = new ArrayList<FreshxPromotionCouponUpdateRequest.Guest>();',
        'FreshxPromotionCouponUpdateRequest.Guest obj4 = new FreshxPromotionCouponUpdateRequest.Guest();',
        'list3.add(obj4);',
        'obj4.setName("张三");',
        'obj1.setGuests(list3);',
        'obj1.setCouponType(1L);',
        'req.setParam(obj1);',
        'FreshxPromotionCouponUpdateResponse rsp = client.execute(req, sessionKey);',
        'System.out.println(rsp.getBody());',
      ]),
      'the Java request sample',
    );
    expect(sample).toMatchObject({
      client: 'DefaultTaobaoClient',
      requestClass: 'FreshxPromotionCouponUpdateRequest',
      session: true,
    });
    expect(sample?.evidence.complete).toBe(true);
    expect(show(sample!.evidence.root)).toBe(
      '{TenantKey=234,Param{Instruction=满2元可使用,Operator{UserNick=菜菜},Guests{[]{Name=张三}},CouponType=1}}',
    );
    expect(sample?.evidence.root.children[1]?.line).toBe(15);
  });

  it('reads literals as the table writes them', () => {
    const sample = readJavaSample(
      body([
        'XRequest req = new XRequest();',
        'req.setA("say \\"hi\\"; ok");',
        'req.setB(12L);',
        'req.setC(true);',
        'req.setD(StringUtils.parseDateTime("2000-01-01 00:00:00"));',
        'req.setE(new FileItem("/tmp/file.txt"));',
        'req.setF(-1.5);',
        'req.setParamsString("{\\"k\\":1}");',
        'req.setG(null);',
        'XResponse rsp = client.execute(req);',
      ]),
      'java',
    );
    expect(show(sample!.evidence.root)).toBe(
      '{A=say "hi"; ok,B=12,C=true,D=2000-01-01 00:00:00,E,F=-1.5,ParamsString={"k":1},G=null}',
    );
    expect(sample?.session).toBe(false);
  });

  it('reads the qimen client and marks a cut sample incomplete, keeping unattached variables by class', () => {
    const sample = readJavaSample(
      body([
        'QimenCloudClient client = new DefaultQimenCloudClient(url, appkey, secret);',
        'TmallCarLeadsSynchronizeRequest req = new TmallCarLeadsSynchronizeRequest();',
        'TmallCarLeadsSynchronizeRequest.LeadsDto obj1 = new TmallCarLeadsSynchronizeRequest.LeadsDto();',
        'obj1.setMobile("138");',
        'obj1.setUserId("AAHy',
      ]),
      'java',
    );
    expect(sample?.client).toBe('DefaultQimenCloudClient');
    expect(sample?.evidence.complete).toBe(false);
    expect(sample?.evidence.floating.map((f) => [f.typeHint, show(f)])).toEqual([
      ['LeadsDto', '{Mobile=138}'],
    ]);
  });

  it('survives self-references and shared variables without blowing up', () => {
    const lines = ['XRequest req = new XRequest();', 'X.A obj1 = new X.A();', 'obj1.setSelf(obj1);'];
    for (let i = 2; i < 40; i++) {
      lines.push(`X.A obj${i} = new X.A();`, `obj${i}.setL(obj${i - 1});`, `obj${i}.setR(obj${i - 1});`);
    }
    lines.push('req.setTop(obj39);', 'XResponse rsp = client.execute(req);');
    const sample = readJavaSample(body(lines), 'java');
    expect(sample?.evidence.nodes.length).toBeLessThanOrEqual(20_001);
    expect(sample?.evidence.complete).toBe(false);
  });

  it('is undefined for text that is not Java code', () => {
    expect(readJavaSample(body(['就是一段话', '没有代码']), 'java')).toBeUndefined();
  });
});

describe('XML response example', () => {
  it('reads elements, unescapes entities and ignores indentation', () => {
    const evidence = xmlEvidence(
      body(
        [
          '<x_response>',
          '    <result>',
          '        <code>&quot;isv.invalid-parameter&quot; &amp; &lt;b&gt; &#65;&#x42;</code>',
          '            <list><item_dto><id>1</id></item_dto><item_dto><id>2</id></item_dto></list>',
          '  <empty></empty><self/>',
          '    </result>',
          '</x_response>',
        ],
        20,
      ),
      'the XML response example',
    );
    expect(evidence?.complete).toBe(true);
    expect(show(evidence!.root)).toBe(
      'x_response{result{code="isv.invalid-parameter" & <b> AB,list{item_dto{id=1},item_dto{id=2}},empty=,self=}}',
    );
    expect(evidence?.root.children[0]?.children[1]?.line).toBe(23);
  });

  it('takes the top-level elements as fields when there is no envelope (qimen)', () => {
    const evidence = xmlEvidence(body(['<code>200</code>', '<data><id>1</id></data>']), 'xml');
    expect(show(evidence!.root)).toBe('{code=200,data{id=1}}');
  });

  it('keeps what it read from a cut example and says it is incomplete', () => {
    const forest = parseXmlForest(body(['<a_response>', '  <result>', '    <x>1</x>', '    <y>2']));
    expect(forest.complete).toBe(false);
    expect(forest.roots[0]?.children[0]?.children.map((c) => [c.name, c.value])).toEqual([
      ['x', '1'],
      ['y', undefined],
    ]);
    expect(parseXmlForest(body(['<a_response>', '<res']))).toMatchObject({ complete: false });
  });

  it('keeps unknown entities and lone < as text', () => {
    expect(unescapeXml('a &nbsp; b &#99999999;')).toBe('a &nbsp; b &#99999999;');
    const evidence = xmlEvidence(body(['<r_response><v>1 < 2</v></r_response>']), 'xml');
    expect(show(evidence!.root)).toBe('r_response{v=1 < 2}');
  });
});

describe('JSON samples (qimen)', () => {
  it('reads objects, arrays as list elements and scalars as written', () => {
    const evidence = jsonEvidence(
      body([
        '{',
        '  "success":true,',
        '  "list":[{"id":1,"url":"https:\\/\\/x"}],',
        '  "n":-1.5e3, "s":"\\u4e2d", "z":null',
        '}',
      ]),
      'json',
    );
    expect(evidence?.complete).toBe(true);
    expect(show(evidence!.root)).toBe('{success=true,list{[]{id=1,url=https://x}},n=-1.5e3,s=中,z=null}');
    expect(evidence?.root.children[1]?.line).toBe(3);
  });

  it('unwraps a single *_response envelope', () => {
    expect(show(jsonEvidence(body(['{"a_response":{"code":"1"}}']), 'json')!.root)).toBe('{code=1}');
  });

  it('stops at the first problem, keeping what it read', () => {
    const tree = readJsonSample(body(['{"a":1,"b":{"c":"x', '']));
    expect(tree.complete).toBe(false);
    expect(tree.node?.children.map((c) => c.name)).toEqual(['a', 'b']);
    expect(readJsonSample(body(['{"a":1} trailing'])).complete).toBe(false);
    expect(readJsonSample(body(['[tru]'])).complete).toBe(false);
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const tree = readJsonSample(body(['['.repeat(100_000)]));
    expect(tree.complete).toBe(false);
  });
});
