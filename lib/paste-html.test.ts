import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DOMParser } from 'linkedom';
import { cleanPastedHtml } from '@/lib/paste-html';

// The samples are the text/html clipboard flavour of each program, as the browser hands it to a paste handler
// (components/newsroom/editor/paste-samples/README.md says where each comes from).
const SAMPLES = path.join(process.cwd(), 'components/newsroom/editor/paste-samples');
const sample = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const clean = (html: string) => cleanPastedHtml(html, parse);

type Shape = { tag: string; text: string; html: string; items?: string[] };

/** The cleaned HTML read back as the editor's parser would see it: its top-level blocks, their text and list items. */
function blocks(html: string): Shape[] {
  const body = parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body;
  return Array.from(body.children).map((el) => ({
    tag: el.tagName.toLowerCase(),
    text: el.textContent ?? '',
    html: el.innerHTML,
    ...(/^(ul|ol)$/i.test(el.tagName) ? { items: Array.from(el.children).map((li) => li.textContent ?? '') } : {}),
  }));
}

const ALLOWED = { p: [], h2: [], strong: [], em: [], a: ['href'], br: [], ul: [], ol: [], li: [], blockquote: [], img: ['src'] };

/** Every element and attribute of the cleaned HTML is one the editor's schema has a place for. */
function assertOnlySchemaMarkup(html: string): void {
  const body = parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase() as keyof typeof ALLOWED;
    assert.ok(tag in ALLOWED, `<${tag}> is not in the schema`);
    for (const attribute of Array.from(el.attributes)) {
      assert.ok((ALLOWED[tag] as string[]).includes(attribute.name), `<${tag} ${attribute.name}> is not in the schema`);
    }
  }
  assert.doesNotMatch(html, /style=|class=|<font|<span|mso-|<!--|<o:p|lang=/i);
}

test('Word: paragraphs, headings, both lists, bold, italic and the link come through, nothing else', () => {
  const { html } = clean(sample('word.html'));
  assert.deepEqual(blocks(html), [
    { tag: 'h2', text: 'Hỗ trợ nông dân Thái Bình khôi phục sản xuất sau bão', html: 'Hỗ trợ nông dân Thái Bình khôi phục sản xuất sau bão' },
    {
      tag: 'p',
      text: 'TBO - Ngày 20/9, Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Bình đã cấp hơn 150 tấn giống lúa cho các huyện bị thiệt hại nặng do bão số 3 (Yagi). Toàn bộ số giống được cấp miễn phí.',
      html: '<strong>TBO - </strong>Ngày 20/9, Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Bình đã cấp <strong>hơn 150 tấn giống lúa</strong> cho các huyện bị thiệt hại nặng do <em>bão số 3 (Yagi)</em>. Toàn bộ số giống được cấp miễn phí.',
    },
    { tag: 'h2', text: 'Ưu tiên các xã ven biển', html: 'Ưu tiên các xã ven biển' },
    { tag: 'p', text: 'Theo kế hoạch, giống lúa được phân bổ như sau:', html: 'Theo kế hoạch, giống lúa được phân bổ như sau:' },
    {
      tag: 'ul',
      text: 'Huyện Thái Thụy: 45 tấn;Huyện Tiền Hải: 40 tấn;Các huyện còn lại: 65 tấn.',
      html: '<li><p>Huyện Thái Thụy: 45 tấn;</p></li><li><p>Huyện Tiền Hải: 40 tấn;</p></li><li><p>Các huyện còn lại: 65 tấn.</p></li>',
      items: ['Huyện Thái Thụy: 45 tấn;', 'Huyện Tiền Hải: 40 tấn;', 'Các huyện còn lại: 65 tấn.'],
    },
    { tag: 'h2', text: 'Vay vốn ưu đãi để tái đàn', html: 'Vay vốn ưu đãi để tái đàn' },
    {
      tag: 'p',
      text: 'Ngân hàng Chính sách xã hội tỉnh đã giải ngân gói vay ưu đãi cho các đối tượng sau; chi tiết xem tại Cổng thông tin điện tử tỉnh:',
      html: 'Ngân hàng Chính sách xã hội tỉnh đã giải ngân gói vay ưu đãi cho các đối tượng sau; chi tiết xem tại <a href="https://thaibinh.gov.vn/tin-tuc/ho-tro-von-vay-sau-bao">Cổng thông tin điện tử tỉnh</a>:',
    },
    {
      tag: 'ol',
      text: 'Hộ nghèo, hộ cận nghèo;Hộ có nhà bị sập, tốc mái;Hợp tác xã nông nghiệp.',
      html: '<li><p>Hộ nghèo, hộ cận nghèo;</p></li><li><p>Hộ có nhà bị sập, tốc mái;</p></li><li><p>Hợp tác xã nông nghiệp.</p></li>',
      items: ['Hộ nghèo, hộ cận nghèo;', 'Hộ có nhà bị sập, tốc mái;', 'Hợp tác xã nông nghiệp.'],
    },
    { tag: 'p', text: 'Ảnh: Nông dân xã Thụy Trường gieo mạ sau bão.', html: '<em>Ảnh: Nông dân xã Thụy Trường gieo mạ sau bão.</em>' },
  ]);
  assertOnlySchemaMarkup(html);
});

test('Word: the comment and its [TP1] mark go, the commented words stay; the tracked deletion goes, the insertion stays', () => {
  const source = sample('word.html');
  assert.match(source, /Đề nghị kiểm tra lại với Phòng Trồng trọt/, 'the sample has a comment');
  assert.match(source, /<del[^>]*>[\s\S]*?100[\s\S]*?<\/del>/, 'the sample has a tracked deletion');
  const { html } = clean(source);
  assert.doesNotMatch(html, /Đề nghị kiểm tra|\[TP1\]|Phòng Trồng trọt/);
  assert.match(html, /Toàn bộ số giống được cấp miễn phí\./);
  assert.doesNotMatch(html, /100/);
  assert.match(html, /hơn 150 tấn giống lúa/);
});

test('Word: the typed bullets and numbers of its list paragraphs do not stay in the items', () => {
  const { html } = clean(sample('word.html'));
  assert.doesNotMatch(html, /·|1\.\s|&nbsp;|\u00a0/);
});

test('Word: the picture on the author’s disk is dropped and counted, nothing to upload', () => {
  const result = clean(sample('word.html'));
  assert.equal(result.droppedImages, 1);
  assert.deepEqual(result.images, []);
  assert.doesNotMatch(result.html, /<img|file:|clip_image/);
});

test('LibreOffice (its clipboard): heading, paragraphs, marks, link and numbered list; the comment goes', () => {
  const result = clean(sample('libreoffice.html'));
  assert.deepEqual(
    blocks(result.html).map(({ tag, html }) => [tag, html]),
    [
      ['h2', 'Thái Bình khởi công cầu Trà Lý mới'],
      ['p', 'Sáng 15/3, UBND tỉnh Thái Bình tổ chức lễ khởi công <strong>cầu Trà Lý mới</strong> với tổng vốn đầu tư hơn <em>1.200 tỷ đồng</em>.'],
      [
        'p',
        'Cây cầu dài 1,2 km nối thành phố Thái Bình với huyện Đông Hưng. Thông tin chi tiết được đăng trên <a href="https://thaibinh.gov.vn/du-an/cau-tra-ly-moi">Cổng thông tin điện tử tỉnh</a>.',
      ],
      ['p', 'Dự án dự kiến hoàn thành vào quý IV năm 2027.'],
      ['p', 'Các mốc chính của dự án:'],
      [
        'ol',
        '<li><p>Giải phóng mặt bằng trong quý II năm 2024;</p></li><li><p>Thi công trụ cầu chính từ tháng 7;</p></li><li><p>Thông xe kỹ thuật vào cuối năm 2027.</p></li>',
      ],
      ['p', '<em>Ảnh: Phối cảnh cầu Trà Lý mới (Sở Giao thông vận tải cung cấp).</em>'],
    ],
  );
  assert.match(sample('libreoffice.html'), /<!-- Kiểm tra lại chiều dài/, 'the sample has the comment');
  assert.doesNotMatch(result.html, /Kiểm tra lại|Sở Giao thông\.|DejaVu/);
  assertOnlySchemaMarkup(result.html);
});

test('LibreOffice (its clipboard): the tracked deletion is already gone, the insertion is plain text', () => {
  const source = sample('libreoffice.html');
  assert.match(sample('libreoffice-source.fodt'), /<text:deletion>[\s\S]*năm 2026/, 'the document deletes “năm 2026”');
  assert.doesNotMatch(source, /năm 2026/);
  const { html } = clean(source);
  assert.match(html, /hoàn thành vào quý IV năm 2027\./);
});

test('LibreOffice (its clipboard): its text/html has no picture, so there is nothing to upload or count', () => {
  const result = clean(sample('libreoffice.html'));
  assert.equal(result.droppedImages, 0);
  assert.deepEqual(result.images, []);
  assert.doesNotMatch(result.html, /<img|<p><\/p>/);
});

test('LibreOffice (its HTML export): the embedded PNG is kept in place and listed for upload', () => {
  const source = sample('libreoffice-export.html');
  const src = /<img src="(data:image\/png;base64,[^"]+)"/.exec(source)?.[1];
  assert.ok(src, 'the sample embeds a PNG');
  const result = clean(source);
  assert.deepEqual(result.images, [src]);
  assert.equal(result.droppedImages, 0);
  const shape = blocks(result.html).map(({ tag }) => tag);
  assert.deepEqual(shape, ['h2', 'p', 'p', 'p', 'p', 'ol', 'img', 'p']);
  assert.match(result.html, new RegExp(`<img src="${src.replace(/[+/]/g, '\\$&')}"><p><em>Ảnh:`));
  assert.doesNotMatch(result.html, /Kiểm tra lại/);
  assertOnlySchemaMarkup(result.html);
});

test('Google Docs: the outer <b> is not bold; spans by weight and style become strong and em', () => {
  const { html } = clean(sample('gdocs.html'));
  assert.deepEqual(
    blocks(html).map(({ tag, html }) => [tag, html]),
    [
      ['h2', 'Thái Bình đón hơn 1,2 triệu lượt khách dịp nghỉ lễ'],
      [
        'p',
        'Theo Sở Văn hóa, Thể thao và Du lịch, trong 4 ngày nghỉ lễ, <strong>tổng lượt khách</strong> đến tỉnh đạt <em>hơn 1,2 triệu</em>, tăng 15% so với cùng kỳ năm trước.',
      ],
      ['p', 'Danh sách điểm đến được giới thiệu trên <a href="https://dulich.thaibinh.gov.vn/diem-den">trang du lịch của tỉnh</a>.'],
      ['h2', 'Các điểm đến thu hút nhất'],
      ['ul', '<li><p>Chùa Keo (Vũ Thư);</p></li><li><p>Biển Đồng Châu (Tiền Hải);</p></li><li><p>Cồn Vành (Tiền Hải).</p></li>'],
      ['p', '<em>Ảnh: Chùa Keo mùa lễ hội.</em>'],
      ['p', '<strong><em>Các cơ sở lưu trú được yêu cầu:</em></strong>'],
      ['ol', '<li><p>Niêm yết công khai giá dịch vụ;</p></li><li><p>Bảo đảm an toàn thực phẩm.</p></li>'],
    ],
  );
  assertOnlySchemaMarkup(html);
});

test('Google Docs: the picture on Google’s servers is dropped and counted: the editor never fetches other hosts', () => {
  const source = sample('gdocs.html');
  assert.match(source, /<img src="https:\/\/lh7-us\.googleusercontent\.com\//);
  const result = clean(source);
  assert.equal(result.droppedImages, 1);
  assert.deepEqual(result.images, []);
  assert.doesNotMatch(result.html, /googleusercontent|<img|<br>/);
});

// Small cases, one rule each.

const wordItem = (list: string, marker: string, text: string, cls = 'MsoListParagraphCxSpMiddle') =>
  `<p class=${cls} style='text-indent:-18.0pt;mso-list:${list} level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->${text}<o:p></o:p></p>`;

test('a Word list is numbered when its marker is a number, letter or roman numeral, bulleted otherwise', () => {
  const cases: Array<[string, string]> = [
    ['1.', 'ol'], ['12)', 'ol'], ['a)', 'ol'], ['B.', 'ol'], ['iv.', 'ol'], ['(3)', 'ol'],
    ['·', 'ul'], ['§', 'ul'], ['o', 'ul'], ['•', 'ul'], ['-', 'ul'],
  ];
  for (const [marker, tag] of cases) {
    const { html } = clean(wordItem('l0', marker, 'Mục một') + wordItem('l0', marker, 'Mục hai'));
    assert.equal(html, `<${tag}><li><p>Mục một</p></li><li><p>Mục hai</p></li></${tag}>`, marker);
  }
});

test('Word list paragraphs of two lists, or split by a paragraph, make two lists', () => {
  assert.equal(
    clean(wordItem('l0', '·', 'Một') + wordItem('l1', '1.', 'Hai')).html,
    '<ul><li><p>Một</p></li></ul><ol><li><p>Hai</p></li></ol>',
  );
  assert.equal(
    clean(wordItem('l0', '·', 'Một') + '<p class=MsoNormal>Giữa</p>' + wordItem('l0', '·', 'Hai')).html,
    '<ul><li><p>Một</p></li></ul><p>Giữa</p><ul><li><p>Hai</p></li></ul>',
  );
});

test('a Word list paragraph is known by its class and marker when the mso-list style is missing', () => {
  const item = (text: string) =>
    `<p class=MsoListParagraphCxSpFirst><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>${text}</p>`;
  assert.equal(clean(item('Một') + item('Hai')).html, '<ul><li><p>Một</p></li><li><p>Hai</p></li></ul>');
  // The same class with no marker is an ordinary indented paragraph.
  assert.equal(clean('<p class=MsoListParagraph>Đoạn thụt lề</p>').html, '<p>Đoạn thụt lề</p>');
});

test('Word’s marker goes whichever way its conditional comments were written', () => {
  const downlevel = `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span><![endif]>Chữ</p>`;
  const serialised = downlevel.replace('<![if !supportLists]>', '<!--[if !supportLists]-->').replace('<![endif]>', '<!--[endif]-->');
  const bare = `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span>Chữ</p>`;
  for (const html of [downlevel, serialised, bare]) assert.equal(clean(html).html, '<ol><li><p>Chữ</p></li></ol>');
});

test('only absolute http and https links stay links; any other keeps its words', () => {
  const link = (href: string) => clean(`<p>Xem <a href="${href}">tại đây</a>.</p>`).html;
  assert.equal(link('https://baothaibinh.com.vn/tin-tuc'), '<p>Xem <a href="https://baothaibinh.com.vn/tin-tuc">tại đây</a>.</p>');
  assert.equal(link('http://thaibinh.gov.vn/'), '<p>Xem <a href="http://thaibinh.gov.vn/">tại đây</a>.</p>');
  for (const href of ['javascript:alert(1)', 'mailto:toasoan@baothaibinh.vn', '/tin-tuc', '#_Toc123', 'file:///C:/a.docx', 'https://exa mple.com', ' javascript:x']) {
    assert.equal(link(href), '<p>Xem tại đây.</p>', href);
  }
});

test('bold and italic by tag or by style; a style that says normal wins over the tag', () => {
  const p = (inner: string) => clean(`<p>${inner}</p>`).html;
  assert.equal(p('<b>a</b> <strong>b</strong> <span style="font-weight:700">c</span>'), '<p><strong>a</strong> <strong>b</strong> <strong>c</strong></p>');
  assert.equal(p('<span style="font-weight: 600">a</span><span style="FONT-WEIGHT: bold">b</span>'), '<p><strong>ab</strong></p>');
  assert.equal(p('<span style="font-weight:400">a</span> <span style="font-weight:500">b</span>'), '<p>a b</p>');
  assert.equal(p('<b style="font-weight:normal;" id="docs-internal-guid-1"><span>thường</span></b>'), '<p>thường</p>');
  assert.equal(p('<b style="mso-bidi-font-weight:normal">đậm</b>'), '<p><strong>đậm</strong></p>');
  assert.equal(p('<i>a</i><em>b</em><span style="font-style:italic">c</span>'), '<p><em>abc</em></p>');
  assert.equal(p('<i><span style="font-style:normal">thẳng</span></i>'), '<p>thẳng</p>');
  assert.equal(p('<b><i>cả hai</i></b>'), '<p><strong><em>cả hai</em></strong></p>');
});

test('every heading level becomes the one heading, as plain text; quotes stay, plain', () => {
  assert.equal(clean('<h1>Một</h1><h3><b>Ba</b></h3><h6><a href="https://a.vn/">Sáu</a></h6>').html, '<h2>Một</h2><h2>Ba</h2><h2>Sáu</h2>');
  assert.equal(clean('<p class=MsoTitle>Tít</p><p class=MsoHeading7>Bảy</p>').html, '<h2>Tít</h2><h2>Bảy</h2>');
  assert.equal(clean('<blockquote><p>Lời <em>trích</em> dẫn</p></blockquote>').html, '<blockquote>Lời trích dẫn</blockquote>');
  assert.equal(clean('<p class=MsoQuote>Trích từ Word</p>').html, '<blockquote>Trích từ Word</blockquote>');
});

test('runs of no-break spaces read as one space; paragraphs with nothing to read are dropped', () => {
  assert.equal(clean('<p>Thái&nbsp;&nbsp;&nbsp; Bình <span style="mso-spacerun:yes">&nbsp;&nbsp;</span>quê lúa</p>').html, '<p>Thái Bình quê lúa</p>');
  assert.equal(clean('<p>&nbsp;</p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p> <b> </b> </p><p>Chữ</p>').html, '<p>Chữ</p>');
  assert.equal(clean('<p>\n  Dòng\r\n  nối  </p>').html, '<p>Dòng nối</p>');
});

test('line breaks stay inside paragraphs, and become spaces where the schema has plain text', () => {
  assert.equal(clean('<p>Dòng một<br>Dòng hai<br></p>').html, '<p>Dòng một<br>Dòng hai</p>');
  assert.equal(clean('<h2>Tít<br>hai dòng</h2>').html, '<h2>Tít hai dòng</h2>');
  assert.equal(clean('<br class="Apple-interchange-newline"><p>Chữ</p><br>').html, '<p>Chữ</p>');
  // Word doubles a manual line break for readers without its own: one is enough.
  const wordBreak = "<br style='mso-special-character:line-break'>";
  assert.equal(clean(`<p>Trước${wordBreak}<![if !supportLineBreakNewLine]>${wordBreak}<![endif]>Sau</p>`).html, '<p>Trước<br>Sau</p>');
});

test('a pasted image is kept for upload only as data: PNG, JPEG or WebP; others are dropped and counted', () => {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
  const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
  const result = clean(
    `<p>Trước<img src="${png}">sau</p>` +
      `<p><img src="${jpeg}"></p>` +
      '<p><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>' +
      '<p><img src="cid:image001.png@01DA"><img src="http://anh.vn/a.jpg"><img src="https://anh.vn/b.jpg"><img src="file:///C:/a.png"><img></p>',
  );
  assert.deepEqual(result.images, [png, jpeg]);
  assert.equal(result.droppedImages, 7);
  assert.equal(result.html, `<p>Trước</p><img src="${png}"><p>sau</p><img src="${jpeg}">`);
});

test('comments, scripts, styles and deletions never reach the text; insertions do', () => {
  const { html } = clean(
    '<style>p{color:red}</style><script>alert("x")</script><p>Giữ<!-- ghi chú -->lại <del>bỏ</del><ins>thêm</ins> ' +
      '<span class=msoDel>xóa</span><span class=msoIns>chèn</span><span style="display:none">ẩn</span></p>',
  );
  assert.equal(html, '<p>Giữlại thêm chèn</p>');
});

test('a Google Docs export keeps no comment: neither the [a] anchor nor the comment at the end', () => {
  const { html } = clean(
    '<p class="c1"><span>Tin chính</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>' +
      '<div class="c4"><p class="c3"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c2">Cần ảnh khác</span></p></div>',
  );
  assert.equal(html, '<p>Tin chính</p>');
});

test('Word’s comment list and anchors go even when the comment sits inside a paragraph of other text', () => {
  const { html } = clean(
    `<p class=MsoNormal>Số liệu<span class=MsoCommentReference><span style='font-size:8.0pt'><a class=msocomanchor id="_anchor_2" href="#_msocom_2" name="_msoanchor_2">[NH2]</a><span style='mso-special-character:comment'>&nbsp;</span></span></span> mới.</p>` +
      `<div style='mso-element:comment-list'><div style='mso-element:comment'><div id="_com_2" class=msocomtxt><p class=MsoCommentText>Nguồn?</p></div></div></div>`,
  );
  assert.equal(html, '<p>Số liệu mới.</p>');
});

test('lists: nested items join the outer list; a list item holds one paragraph of plain text', () => {
  assert.equal(
    clean('<ol><li>Một<ul><li>Một a</li></ul></li><li><p><b>Hai</b></p><p>tiếp</p></li></ol>').html,
    '<ol><li><p>Một</p></li><li><p>Một a</p></li><li><p>Hai tiếp</p></li></ol>',
  );
  assert.equal(clean('<ul><li>&nbsp;</li></ul><p>Sau</p>').html, '<p>Sau</p>');
});

test('text is escaped: what was text stays text', () => {
  const { html } = clean('<p>a &lt;script&gt; &amp; "b"</p><p><a href="https://a.vn/?q=&quot;x&quot;&amp;y=1">c</a></p>');
  assert.equal(html, '<p>a &lt;script&gt; &amp; &quot;b&quot;</p><p><a href="https://a.vn/?q=%22x%22&amp;y=1">c</a></p>');
});

test('content outside any paragraph, in divs or table cells, becomes paragraphs', () => {
  assert.equal(clean('Chữ rời <div>trong div</div><table><tr><td>Ô một</td><td>Ô hai</td></tr></table>').html, '<p>Chữ rời</p><p>trong div</p><p>Ô một</p><p>Ô hai</p>');
});
