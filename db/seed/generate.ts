// Deterministic generator of large demo databases (scale tests, benchmarks): `npm run db:generate-demo`.
// Articles are assembled from Vietnamese word and phrase lists with a small seeded PRNG, so the same
// count and seed always give the same rows, and written with raw prepared statements in large transactions.
//
// The one writer of content outside db/queries, on purpose: it makes 100,000s of rows for tests and benchmarks,
// never real content, and going through saveArticle (a transaction, a locked read, change detection, the search
// index and an invalidation per article) would be 20 times slower: about 600 articles/s against 12,000, so
// minutes instead of seconds for a 100k archive. SQLite only, for the same reason (synchronous prepared
// statements); the search index is built afterwards, in one pass, by ensureSearchIndex.
import type { SqliteDb } from '@/db/engine';
import { bylineAuthors } from '@/lib/authors';
import type { StoredBlock } from '@/lib/content-schema';
import { mulberry32 } from '@/lib/random.mjs';
import { slugify } from '@/lib/vietnamese';

export type GenerateOptions = {
  count: number;
  seed?: number;
  /** Id of the first article; the articles get `startId .. startId + count - 1`. */
  startId?: number;
  /** Articles written per transaction. */
  batchSize?: number;
};

export type GenerateResult = {
  inserted: number;
  /** Rows added to `article_keywords`. */
  keywordLinks: number;
  /** Keywords that did not exist yet (vocabulary entries are created on first use). */
  keywordsCreated: number;
};

/** Publication dates are spread over this range (Vietnam time), in unix seconds. */
export const DEMO_DATE_RANGE = {
  from: Date.parse('2015-01-01T00:00:00+07:00') / 1000,
  to: Date.parse('2026-10-31T23:59:59+07:00') / 1000,
};
export const MAX_VIEWS = 20_000;
const MAX_ARTICLE_ID = 2_147_483_647; // the importer's bound
const VN_OFFSET = 7 * 3600;

// ---------------------------------------------------------------------------------------------------------
// PRNG

export type Rng = () => number;

export { mulberry32 };

/** Mixes the run's seed with an article's index (murmur3 finalizer), so each article has its own stream. */
function mix(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary (normalized to NFC once, so that everything assembled from it is NFC too)

const nfc = (list: readonly string[]): string[] => list.map((s) => s.normalize('NFC'));

type Place = { short: string; full: string; party: string; communes: string[] };

const PLACES: Place[] = [
  ['Kiến Xương', 'huyện Kiến Xương', 'Huyện ủy Kiến Xương', ['xã Vũ Quý', 'xã Bình Minh', 'xã Quang Trung', 'xã Thanh Tân']],
  ['Tiền Hải', 'huyện Tiền Hải', 'Huyện ủy Tiền Hải', ['xã Nam Thịnh', 'xã Đông Minh', 'xã Tây Giang', 'xã Nam Cường']],
  ['Thái Thụy', 'huyện Thái Thụy', 'Huyện ủy Thái Thụy', ['xã Thụy Trường', 'xã Thái Thượng', 'xã Thụy Hải', 'xã Thụy Liên']],
  ['Quỳnh Phụ', 'huyện Quỳnh Phụ', 'Huyện ủy Quỳnh Phụ', ['xã An Bài', 'xã An Khê', 'xã Quỳnh Hoa', 'xã Quỳnh Hải']],
  ['Hưng Hà', 'huyện Hưng Hà', 'Huyện ủy Hưng Hà', ['xã Tân Lễ', 'xã Canh Tân', 'xã Hòa Tiến', 'xã Minh Khai']],
  ['Đông Hưng', 'huyện Đông Hưng', 'Huyện ủy Đông Hưng', ['xã Đông Hợp', 'xã Mê Linh', 'xã Đông La', 'xã Phú Lương']],
  ['Vũ Thư', 'huyện Vũ Thư', 'Huyện ủy Vũ Thư', ['xã Song An', 'xã Tân Hòa', 'xã Vũ Hội', 'xã Minh Quang']],
  ['Thái Bình', 'thành phố Thái Bình', 'Thành ủy Thái Bình', ['phường Lê Hồng Phong', 'phường Tiền Phong', 'phường Trần Lãm', 'xã Vũ Chính']],
].map(([short, full, party, communes]) => ({
  short: (short as string).normalize('NFC'),
  full: (full as string).normalize('NFC'),
  party: (party as string).normalize('NFC'),
  communes: nfc(communes as string[]),
}));

type Theme = {
  /** Matched against the category name's slug. */
  match: string;
  subjects: string[];
  /** District bodies, followed by the district's name. */
  localOrgs: string[];
  verbs: string[];
  objects: string[];
  /** Clauses with `#` where a number goes. */
  results: string[];
  events: string[];
  keywords: string[];
};

function theme(t: Theme): Theme {
  return {
    match: t.match,
    subjects: nfc(t.subjects),
    localOrgs: nfc(t.localOrgs),
    verbs: nfc(t.verbs),
    objects: nfc(t.objects),
    results: nfc(t.results),
    events: nfc(t.events),
    keywords: nfc(t.keywords),
  };
}

const THEMES: Theme[] = [
  theme({
    match: 'chinh-tri',
    subjects: ['UBND tỉnh', 'Tỉnh ủy Thái Bình', 'HĐND tỉnh', 'Ban Thường vụ Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Dân vận Tỉnh ủy', 'Ủy ban MTTQ Việt Nam tỉnh', 'Đoàn đại biểu Quốc hội tỉnh', 'Sở Nội vụ', 'Thanh tra tỉnh', 'Ban Tổ chức Tỉnh ủy'],
    localOrgs: ['UBND', 'HĐND', 'Ủy ban MTTQ', 'Hội Cựu chiến binh', 'Hội Liên hiệp Phụ nữ'],
    verbs: ['triển khai', 'quán triệt', 'tổng kết', 'sơ kết', 'ban hành', 'thông qua', 'kiểm tra việc thực hiện', 'giám sát việc thực hiện', 'lấy ý kiến về', 'cụ thể hóa'],
    objects: ['nghị quyết Đại hội Đảng bộ tỉnh', 'kế hoạch cải cách hành chính', 'công tác xây dựng Đảng', 'chỉ thị của Bộ Chính trị về công tác cán bộ', 'chương trình giám sát', 'công tác tiếp công dân và giải quyết khiếu nại, tố cáo', 'quy chế dân chủ ở cơ sở', 'công tác phòng, chống tham nhũng, tiêu cực', 'nhiệm vụ phát triển kinh tế - xã hội', 'phong trào thi đua yêu nước', 'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'công tác dân vận của hệ thống chính trị', 'đề án sắp xếp đơn vị hành chính cấp xã', 'công tác bầu cử đại biểu HĐND các cấp', 'giải pháp nâng cao chỉ số năng lực cạnh tranh cấp tỉnh'],
    results: ['# tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ', '# đảng viên mới được kết nạp', '# ý kiến, kiến nghị của cử tri được giải quyết dứt điểm', '# thủ tục hành chính được thực hiện trực tuyến toàn trình', '# mô hình "Dân vận khéo" được công nhận và nhân rộng'],
    events: ['hội nghị Ban Chấp hành Đảng bộ tỉnh', 'kỳ họp thường lệ HĐND tỉnh', 'hội nghị tiếp xúc cử tri', 'hội nghị sơ kết công tác xây dựng Đảng', 'buổi làm việc với Ban Thường vụ Huyện ủy'],
    keywords: ['Xây dựng Đảng', 'Cải cách hành chính', 'Nghị quyết Đại hội Đảng bộ tỉnh', 'Kỳ họp HĐND tỉnh', 'Bầu cử', 'Dân vận khéo', 'Tiếp xúc cử tri', 'Phòng chống tham nhũng', 'Công tác cán bộ', 'Kiểm tra, giám sát', 'Học tập và làm theo Bác', 'Quy chế dân chủ', 'Sắp xếp đơn vị hành chính', 'Thi đua khen thưởng', 'Văn phòng UBND tỉnh', 'Hội nghị tổng kết', 'Đại hội XIII', 'Chỉ số PCI'],
  }),
  theme({
    match: 'kinh-te',
    subjects: ['Sở Kế hoạch và Đầu tư', 'Sở Công Thương', 'Sở Tài chính', 'Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh', 'Cục Thuế tỉnh', 'Ngân hàng Nhà nước chi nhánh Thái Bình', 'Hiệp hội Doanh nghiệp tỉnh', 'Sở Xây dựng', 'Kho bạc Nhà nước tỉnh', 'Trung tâm Xúc tiến đầu tư, thương mại và du lịch'],
    localOrgs: ['UBND', 'Phòng Kinh tế - Hạ tầng', 'Phòng Tài chính - Kế hoạch', 'Chi cục Thuế'],
    verbs: ['đẩy nhanh', 'thúc đẩy', 'tháo gỡ vướng mắc cho', 'kêu gọi đầu tư vào', 'khởi công', 'khánh thành', 'hoàn thiện', 'rà soát', 'công bố'],
    objects: ['khu công nghiệp Liên Hà Thái', 'dự án đường bộ ven biển', 'kế hoạch thu ngân sách', 'chương trình mỗi xã một sản phẩm (OCOP)', 'hạ tầng cụm công nghiệp', 'gói hỗ trợ doanh nghiệp nhỏ và vừa', 'tiến độ giải ngân vốn đầu tư công', 'dự án nhà ở xã hội', 'chợ đầu mối nông sản', 'các dự án điện khí và năng lượng tái tạo', 'hoạt động xuất khẩu hàng dệt may', 'chương trình kết nối cung cầu hàng hóa', 'phương án bình ổn giá dịp cuối năm', 'quy hoạch tỉnh thời kỳ 2021-2030', 'hạ tầng Khu kinh tế Thái Bình'],
    results: ['# dự án đầu tư mới được cấp chủ trương', '# doanh nghiệp được thành lập mới', '# tỷ đồng vốn đầu tư công được giải ngân', '# sản phẩm đạt chuẩn OCOP từ 3 sao trở lên', '# lao động có việc làm ổn định tại các khu công nghiệp'],
    events: ['hội nghị xúc tiến đầu tư', 'buổi đối thoại với doanh nghiệp', 'lễ khởi công dự án', 'hội nghị giao ban kinh tế quý', 'phiên chợ hàng Việt về nông thôn'],
    keywords: ['Thu hút đầu tư', 'Khu công nghiệp', 'Xuất khẩu', 'Ngân sách nhà nước', 'Bình ổn giá', 'Doanh nghiệp nhỏ và vừa', 'Đầu tư công', 'Sản phẩm OCOP', 'Khu kinh tế Thái Bình', 'Đường bộ ven biển', 'Nhà ở xã hội', 'Năng lượng tái tạo', 'Thương mại điện tử', 'Dệt may', 'Thuế', 'Tín dụng chính sách', 'Quy hoạch tỉnh', 'Hạ tầng giao thông'],
  }),
  theme({
    match: 'xa-hoi',
    subjects: ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Lao động - Thương binh và Xã hội', 'Bảo hiểm xã hội tỉnh', 'Công an tỉnh', 'Ban An toàn giao thông tỉnh', 'Bệnh viện Đa khoa tỉnh', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Hội Chữ thập đỏ tỉnh', 'Liên đoàn Lao động tỉnh', 'Tỉnh đoàn Thái Bình', 'Hội Liên hiệp Phụ nữ tỉnh'],
    localOrgs: ['Trung tâm Y tế', 'Phòng Giáo dục và Đào tạo', 'Phòng Lao động - Thương binh và Xã hội', 'Công an', 'Hội Chữ thập đỏ', 'Đoàn Thanh niên'],
    verbs: ['triển khai', 'tổ chức', 'hỗ trợ', 'phát động', 'ra quân', 'kiểm tra', 'đẩy mạnh', 'hoàn thành'],
    objects: ['chiến dịch tiêm chủng mở rộng', 'kỳ thi tốt nghiệp THPT', 'chính sách bảo hiểm y tế toàn dân', 'chương trình xóa nhà tạm, nhà dột nát', 'học bổng cho học sinh nghèo vượt khó', 'đợt cao điểm bảo đảm trật tự an toàn giao thông', 'tháng hành động vì người cao tuổi', 'phong trào hiến máu tình nguyện', 'chương trình giải quyết việc làm cho người lao động', 'công tác phòng, chống sốt xuất huyết', 'mô hình trường học xanh - sạch - đẹp', 'chính sách trợ giúp xã hội', 'công tác phòng, chống tội phạm ma túy', 'đợt khám sàng lọc bệnh không lây nhiễm', 'hoạt động chăm lo Tết cho người nghèo'],
    results: ['# hộ nghèo được hỗ trợ xây mới, sửa chữa nhà ở', '# suất quà được trao tận tay các gia đình chính sách', '# lượt người được khám, cấp thuốc miễn phí', '# học sinh được nhận học bổng', '# đơn vị máu được tiếp nhận', '# lao động được giới thiệu việc làm', '# trường học đạt chuẩn quốc gia'],
    events: ['lễ ra quân', 'hội nghị tổng kết năm học', 'lễ phát động tháng hành động', 'buổi trao quà', 'hội nghị giao ban công tác an sinh xã hội'],
    keywords: ['An sinh xã hội', 'Y tế', 'Giáo dục', 'Giao thông', 'An toàn giao thông', 'Người cao tuổi', 'Bảo hiểm xã hội', 'Bảo hiểm y tế', 'Hiến máu tình nguyện', 'Giảm nghèo', 'Việc làm', 'Tiêm chủng', 'Thi tốt nghiệp THPT', 'Phòng chống ma túy', 'Trẻ em', 'Bình đẳng giới', 'Phòng chống Covid-19', 'Tết Nguyên đán'],
  }),
  theme({
    match: 'van-hoa',
    subjects: ['Sở Văn hóa, Thể thao và Du lịch', 'Nhà hát Chèo Thái Bình', 'Bảo tàng tỉnh', 'Thư viện tỉnh', 'Trung tâm Văn hóa tỉnh', 'Hội Văn học Nghệ thuật tỉnh', 'Ban Quản lý di tích tỉnh', 'Nhà hát Ca múa kịch Thái Bình'],
    localOrgs: ['Phòng Văn hóa và Thông tin', 'Trung tâm Văn hóa - Thể thao', 'Ban Quản lý di tích', 'UBND'],
    verbs: ['tổ chức', 'khai mạc', 'tu bổ', 'bảo tồn', 'quảng bá', 'phục dựng', 'trao giải', 'ra mắt'],
    objects: ['lễ hội chùa Keo', 'nghệ thuật chèo truyền thống', 'phong trào toàn dân đoàn kết xây dựng đời sống văn hóa', 'Ngày hội Đại đoàn kết toàn dân tộc', 'khu di tích lịch sử văn hóa thời Trần', 'liên hoan múa rối nước', 'hội thi tuyên truyền lưu động', 'tuần lễ sách và văn hóa đọc', 'lễ hội đền Đồng Xâm', 'nghề chạm bạc truyền thống', 'hội báo Xuân', 'triển lãm ảnh nghệ thuật', 'chương trình nghệ thuật chào mừng ngày tái lập tỉnh', 'không gian văn hóa làng', 'giải thưởng văn học nghệ thuật'],
    results: ['# di tích được tu bổ, tôn tạo', '# gia đình đạt danh hiệu gia đình văn hóa', '# lượt khách đến tham quan', '# câu lạc bộ chèo duy trì hoạt động thường xuyên', '# tác phẩm được gửi tham gia dự thi'],
    events: ['lễ khai mạc lễ hội', 'hội thảo khoa học', 'đêm nghệ thuật', 'liên hoan văn nghệ quần chúng', 'lễ đón bằng di tích quốc gia'],
    keywords: ['Du lịch', 'Văn hóa truyền thống', 'Di tích lịch sử', 'Lễ hội', 'Nghệ thuật chèo', 'Múa rối nước', 'Làng nghề', 'Văn hóa đọc', 'Gia đình văn hóa', 'Chùa Keo', 'Đền Trần', 'Đồng Xâm', 'Bảo tàng', 'Văn học nghệ thuật', 'Di sản văn hóa', 'Triển lãm', 'Ẩm thực', 'Hội báo Xuân'],
  }),
  theme({
    match: 'the-thao',
    subjects: ['Sở Văn hóa, Thể thao và Du lịch', 'Trung tâm Huấn luyện và Thi đấu thể thao tỉnh', 'Liên đoàn Bóng đá tỉnh', 'Câu lạc bộ bóng chuyền nữ Thái Bình', 'Hội Thể thao người cao tuổi tỉnh', 'Đội tuyển điền kinh tỉnh'],
    localOrgs: ['Trung tâm Văn hóa - Thể thao', 'Phòng Văn hóa và Thông tin', 'Đoàn Thanh niên'],
    verbs: ['tổ chức', 'khai mạc', 'bế mạc', 'trao giải', 'tham dự', 'giành thứ hạng cao tại', 'tập huấn cho', 'phát động'],
    objects: ['giải bóng đá thanh niên', 'Đại hội Thể dục thể thao', 'giải việt dã báo Thái Bình', 'giải bóng chuyền nữ', 'phong trào dạy bơi phòng chống đuối nước cho trẻ em', 'giải cờ tướng người cao tuổi', 'hội khỏe Phù Đổng', 'giải vật dân tộc', 'giải cầu lông các câu lạc bộ', 'giải bóng bàn công nhân viên chức', 'Ngày chạy Olympic vì sức khỏe toàn dân', 'giải bóng chuyền hơi', 'giải đua thuyền truyền thống', 'lớp huấn luyện viên cơ sở', 'giải thể thao học sinh phổ thông'],
    results: ['# vận động viên tham gia tranh tài', '# huy chương các loại được trao', '# trẻ em được dạy bơi an toàn', '# đội bóng đăng ký tham dự', '# câu lạc bộ thể thao cơ sở được thành lập'],
    events: ['lễ khai mạc giải', 'lễ bế mạc và trao giải', 'trận chung kết', 'buổi gặp mặt vận động viên', 'lễ xuất quân'],
    keywords: ['Thể thao quần chúng', 'Bóng đá', 'Bóng chuyền', 'Điền kinh', 'Bơi lội', 'Phòng chống đuối nước', 'Cờ tướng', 'Cầu lông', 'Bóng bàn', 'Vật dân tộc', 'Hội khỏe Phù Đổng', 'Đại hội Thể dục thể thao', 'Việt dã', 'Thể thao thành tích cao', 'Đua thuyền', 'Thể dục dưỡng sinh', 'Vận động viên', 'Huấn luyện viên'],
  }),
  theme({
    match: 'nong-nghiep',
    subjects: ['Sở Nông nghiệp và Phát triển nông thôn', 'Chi cục Trồng trọt và Bảo vệ thực vật', 'Trung tâm Khuyến nông tỉnh', 'Chi cục Chăn nuôi và Thú y', 'Văn phòng điều phối nông thôn mới tỉnh', 'Hội Nông dân tỉnh', 'Chi cục Thủy sản', 'Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh'],
    localOrgs: ['Phòng Nông nghiệp và Phát triển nông thôn', 'Hội Nông dân', 'Hợp tác xã dịch vụ nông nghiệp', 'UBND'],
    verbs: ['triển khai', 'hướng dẫn', 'nhân rộng', 'chỉ đạo', 'hoàn thành', 'đẩy mạnh', 'ứng dụng', 'hỗ trợ'],
    objects: ['kế hoạch phát triển nông thôn mới', 'cánh đồng mẫu lớn', 'chuyển đổi cơ cấu cây trồng', 'phòng trừ sâu bệnh hại lúa vụ xuân', 'tích tụ, tập trung ruộng đất', 'vùng nuôi ngao ven biển', 'cơ giới hóa đồng bộ trong sản xuất lúa', 'công tác phòng, chống dịch cúm gia cầm', 'sản xuất cây vụ đông', 'mô hình trồng rau an toàn', 'chương trình tiêm phòng cho đàn gia súc', 'phương án phòng, chống lụt bão', 'nạo vét kênh mương nội đồng', 'xây dựng khu dân cư kiểu mẫu', 'liên kết tiêu thụ nông sản'],
    results: ['# ha lúa được gieo cấy đúng khung thời vụ', '# xã đạt chuẩn nông thôn mới nâng cao', '# ha cây vụ đông được gieo trồng', '# tấn ngao thương phẩm được thu hoạch', '# máy cấy được đưa vào sản xuất', '# mô hình kinh tế trang trại cho thu nhập trên 1 tỷ đồng mỗi năm', '# m³ đất kênh mương được nạo vét'],
    events: ['hội nghị triển khai sản xuất vụ xuân', 'buổi thăm đồng', 'hội nghị tổng kết chương trình xây dựng nông thôn mới', 'lễ công bố xã đạt chuẩn nông thôn mới', 'buổi diễn tập phòng, chống thiên tai'],
    keywords: ['Nông thôn mới', 'Sản xuất vụ xuân', 'Vụ đông', 'Phòng chống rét', 'Cánh đồng mẫu lớn', 'Cơ giới hóa nông nghiệp', 'Thủy sản', 'Nuôi ngao', 'Chăn nuôi', 'Phòng chống dịch bệnh', 'Bảo vệ thực vật', 'Phòng chống thiên tai', 'Thủy lợi', 'Kinh tế trang trại', 'Hợp tác xã', 'Rau an toàn', 'Nông nghiệp công nghệ cao', 'Tích tụ ruộng đất'],
  }),
  theme({
    match: 'hoat-dong-cua-dai',
    subjects: ['Đài Phát thanh và Truyền hình Thái Bình', 'Ban Giám đốc Đài Phát thanh và Truyền hình Thái Bình', 'Công đoàn Đài Phát thanh và Truyền hình Thái Bình', 'Chi đoàn thanh niên Đài Phát thanh và Truyền hình Thái Bình', 'Phòng Thời sự của Đài', 'Phòng Chuyên đề của Đài'],
    localOrgs: ['Trung tâm Văn hóa, Thông tin và Thể thao', 'Đài truyền thanh'],
    verbs: ['tổ chức', 'ra mắt', 'nâng cấp', 'đổi mới', 'phối hợp thực hiện', 'tổng kết', 'phát động', 'triển khai'],
    objects: ['hội thi phát thanh viên, biên tập viên giỏi', 'chuyển đổi số trong hoạt động báo chí', 'chương trình thời sự buổi tối', 'kênh truyền hình Thái Bình trên nền tảng số', 'chuyên mục Nông nghiệp - Nông thôn', 'giải báo chí về xây dựng Đảng', 'chương trình giao lưu nghệ thuật chào Xuân', 'công tác tuyên truyền bầu cử', 'hệ thống truyền thanh thông minh cấp xã', 'lớp tập huấn nghiệp vụ báo chí', 'chương trình truyền hình trực tiếp', 'ứng dụng nghe, xem trên thiết bị di động', 'chuyên mục Pháp luật và đời sống', 'hoạt động hướng tới ngày Báo chí cách mạng Việt Nam', 'kế hoạch sản xuất chương trình phát thanh'],
    results: ['# chương trình phát thanh, truyền hình được sản xuất', '# tác phẩm đạt giải báo chí các cấp', '# lượt xem trên các nền tảng số', '# cụm loa truyền thanh được thay mới', '# giờ phát sóng trực tiếp'],
    events: ['lễ kỷ niệm ngày Báo chí cách mạng Việt Nam', 'hội nghị tổng kết công tác năm', 'buổi giao lưu với thính giả', 'hội thi nghiệp vụ', 'lễ ra mắt chuyên mục mới'],
    keywords: ['Phát thanh truyền hình', 'Báo chí', 'Chuyển đổi số', 'Phát động thi đua', 'Truyền thanh cơ sở', 'Giải báo chí', 'Ngày Báo chí cách mạng Việt Nam', 'Truyền hình số', 'Nền tảng số', 'Phóng viên', 'Biên tập viên', 'Chương trình thời sự', 'Truyền hình trực tiếp', 'Tập huấn nghiệp vụ', 'Tuyên truyền', 'Kỷ niệm', 'Công đoàn', 'Văn nghệ'],
  }),
];

const GENERAL_KEYWORDS = nfc([
  'Thái Bình', 'Môi trường', 'Biển đảo', 'Bão lũ', 'Nắng nóng', 'Chính quyền số', 'Khởi nghiệp', 'Khoa học công nghệ',
  'Pháp luật', 'Quốc phòng - an ninh', 'Dân số', 'Đô thị', 'Cựu chiến binh', 'Thanh niên', 'Phụ nữ', 'Đền ơn đáp nghĩa',
  'Ngày Thương binh - Liệt sĩ', 'Quốc khánh 2/9', 'Nước sạch nông thôn', 'Phòng cháy chữa cháy', 'Giải phóng miền Nam 30/4',
  'Ngày Quốc tế Lao động', 'Công nghệ thông tin', 'Nông sản', 'Đất đai', 'Tài nguyên nước', 'Rác thải', 'Khu dân cư kiểu mẫu',
  'Trật tự đô thị', 'Xuất khẩu lao động', 'Đào tạo nghề', 'Người có công', 'Khuyến học', 'Hội thảo khoa học', 'Ngày hội đại đoàn kết',
]);

const PUSHES = nfc(['đẩy mạnh', 'tăng cường', 'nâng cao hiệu quả', 'chú trọng', 'quan tâm chỉ đạo', 'tập trung thực hiện', 'làm tốt']);
const PERIODS = nfc(['thời gian qua', 'từ đầu năm đến nay', 'trong nhiệm kỳ vừa qua', 'những năm gần đây', 'thời gian gần đây']);
const BENEFITS = nfc([
  'góp phần nâng cao đời sống vật chất và tinh thần của nhân dân',
  'tạo sự đồng thuận cao trong cán bộ, đảng viên và nhân dân',
  'góp phần hoàn thành các chỉ tiêu phát triển kinh tế - xã hội của địa phương',
  'tạo chuyển biến rõ nét ở cơ sở',
  'từng bước khắc phục những hạn chế, tồn tại của giai đoạn trước',
  'tạo động lực mới cho sự phát triển của địa phương',
]);
const GOALS = nfc(['kết quả bước đầu', 'nhiều chuyển biến tích cực', 'cần sự vào cuộc của cả hệ thống chính trị', 'hiệu quả từ cách làm sáng tạo', 'động lực mới cho phát triển', 'khó khăn và giải pháp', 'những con số ấn tượng']);
const QUALIFIERS = nfc(['hơn ', 'gần ', 'trên ', 'khoảng ', '']);
const LIMITS = nfc([
  'nguồn lực đầu tư còn hạn chế',
  'sự phối hợp giữa các đơn vị có lúc chưa chặt chẽ',
  'một bộ phận người dân chưa thực sự chủ động tham gia',
  'tiến độ ở một số địa phương còn chậm',
  'thời tiết diễn biến phức tạp',
  'công tác tuyên truyền ở một số nơi chưa thường xuyên',
]);
/** `#` is the year. */
const CLOSINGS = nfc([
  'Đây là một trong những nhiệm vụ trọng tâm được tỉnh xác định trong năm #.',
  'Qua đó góp phần thực hiện thắng lợi nghị quyết đại hội đảng bộ các cấp.',
  'Hoạt động nhận được sự hưởng ứng tích cực của đông đảo cán bộ và nhân dân.',
  'Nhiều ý kiến tâm huyết, trách nhiệm đã được các đại biểu đóng góp tại hội nghị.',
  'Kết quả này tạo tiền đề quan trọng để hoàn thành kế hoạch năm #.',
]);
const ROLES = nfc([
  'Phó Chủ tịch UBND tỉnh', 'Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch HĐND tỉnh', 'Phó Bí thư Thường trực Tỉnh ủy',
  'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh', 'Trưởng ban Dân vận Tỉnh ủy',
]);
const LOCAL_ROLES = nfc(['Chủ tịch UBND', 'Bí thư Đảng ủy', 'Phó Chủ tịch UBND', 'Chủ tịch Hội Nông dân']);
const QUOTES = nfc([
  'Được sự quan tâm của các cấp, các ngành, bà con rất phấn khởi và tin tưởng vào chủ trương của tỉnh.',
  'Chúng tôi xác định đây là nhiệm vụ lâu dài, phải làm thường xuyên, liên tục và có sự tham gia của người dân.',
  'Cái khó nhất là thay đổi nếp nghĩ, cách làm của bà con, nhưng khi thấy hiệu quả thì ai cũng hưởng ứng.',
  'Địa phương sẽ tiếp tục rà soát, lắng nghe ý kiến của nhân dân để có giải pháp phù hợp hơn.',
  'Kết quả hôm nay là công sức của cả hệ thống chính trị và sự đồng lòng của nhân dân trong xã.',
  'Năm nay thời tiết thuận lợi, lại được hỗ trợ kỹ thuật kịp thời nên bà con yên tâm sản xuất.',
]);
const FAMILY = nfc(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Đinh', 'Phan', 'Trịnh', 'Lương']);
const MEN = { middle: nfc(['Văn', 'Minh', 'Đức', 'Quang', 'Hữu', 'Thanh', 'Xuân']), given: nfc(['Hùng', 'Hải', 'Tuấn', 'Dũng', 'Nam', 'Long', 'Sơn', 'Trung', 'Khánh', 'Thắng', 'Cường', 'Hiếu']) };
const WOMEN = { middle: nfc(['Thị', 'Thu', 'Hồng', 'Ngọc', 'Thanh', 'Minh']), given: nfc(['Lan', 'Hằng', 'Hoa', 'Thảo', 'Phương', 'Hà', 'Yến', 'Nhung', 'Huyền', 'Mai', 'Hạnh', 'Loan']) };
const BYLINES = nfc([
  'Hải Yến', 'Minh Hằng', 'Hồng Nhung', 'Thu Trang', 'Thanh Thủy', 'Quang Huy', 'Thu Hà', 'Phương Thảo', 'Đức Mạnh',
  'Ngọc Anh', 'Văn Tú', 'Mai Hương', 'Thế Hùng', 'Bảo Ngọc', 'Trung Kiên', 'Lan Anh', 'Hoàng Long', 'Thúy Hằng',
]);
/** Commune bodies, followed by the commune's name. */
const COMMUNE_ORGS = nfc(['UBND', 'Đảng ủy', 'Ủy ban MTTQ', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Cựu chiến binh']);
/** Keywords that would be anachronisms before a year. */
const KEYWORD_SINCE = new Map([
  ['phong-chong-covid-19', 2020],
  ['dai-hoi-xiii', 2020],
]);
const DAY_PARTS = nfc(['Sáng', 'Chiều', 'Tối']);
const OBSERVATIONS = nfc([
  'không khí lao động, sản xuất diễn ra sôi nổi, khẩn trương',
  'các tuyến đường làng, ngõ xóm được chỉnh trang sạch đẹp',
  'người dân tích cực tham gia, nhiều hộ tự nguyện hiến đất, đóng góp ngày công',
  'các phần việc được triển khai đồng bộ, đúng tiến độ đề ra',
]);
const SENTENCE_KINDS = 15;

/** Every keyword name the generator can attach (about 200), unique by slug. */
export const KEYWORD_VOCABULARY: ReadonlyArray<{ slug: string; name: string }> = (() => {
  const names = [
    ...THEMES.flatMap((t) => t.keywords),
    ...PLACES.map((p) => p.short),
    ...PLACES.flatMap((p) => p.communes.map((c) => c.replace(/^(xã|phường) /, ''))),
    ...GENERAL_KEYWORDS,
  ];
  const bySlug = new Map<string, string>();
  for (const name of names) if (!bySlug.has(slugify(name))) bySlug.set(slugify(name), name);
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
})();

const commonKeyword = (place: string) => slugify(place.replace(/^(xã|phường) /, ''));
const GENERAL_SLUGS = GENERAL_KEYWORDS.map((k) => slugify(k));
const THEME_SLUGS = new Map(THEMES.map((t) => [t, t.keywords.map((k) => slugify(k))]));

// ---------------------------------------------------------------------------------------------------------
// Writing one article

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

class Writer {
  readonly place: Place;
  readonly commune: string;
  readonly local: boolean;

  constructor(
    readonly r: Rng,
    readonly theme: Theme,
    readonly year: number,
    /** 1-12, of the publication date. */
    readonly month: number,
  ) {
    this.place = this.pick(PLACES);
    this.commune = this.pick(this.place.communes);
    this.local = r() < 0.55;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]!;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  subject(): string {
    if (!this.local) return this.pick(this.theme.subjects);
    const x = this.r();
    if (x < 0.2) return this.place.party;
    return x < 0.7 ? `${this.pick(this.theme.localOrgs)} ${this.place.full}` : `${this.pick(COMMUNE_ORGS)} ${this.commune}`;
  }

  scope(): string {
    return this.local ? this.place.full : 'tỉnh';
  }

  object(): string {
    const o = this.pick(this.theme.objects);
    return this.r() < 0.3 ? `${o} năm ${this.year}` : o;
  }

  result(): string {
    const n = this.local || this.r() < 0.5 ? this.int(12, 980) : this.int(1_000, 18_000);
    return this.pick(QUALIFIERS) + this.pick(this.theme.results).replace('#', thousands(n));
  }

  /** `Nguyễn Văn Hùng`, with `ông`/`bà` when asked for. */
  person(honorific: boolean): string {
    const woman = this.r() < 0.35;
    const names = woman ? WOMEN : MEN;
    const name = `${this.pick(FAMILY)} ${this.pick(names.middle)} ${this.pick(names.given)}`;
    return honorific ? `${woman ? 'bà' : 'ông'} ${name}` : name;
  }

  /** Two different picks. */
  pickTwo(list: readonly string[]): [string, string] {
    const i = Math.floor(this.r() * list.length);
    const j = (i + 1 + Math.floor(this.r() * (list.length - 1))) % list.length;
    return [list[i]!, list[j]!];
  }

  title(): string {
    const x = this.r();
    if (x < 0.35) return cap(`${this.subject()} ${this.pick(this.theme.verbs)} ${this.object()}`);
    if (x < 0.55) return `${this.place.short}: ${cap(this.result())}`;
    if (x < 0.8) return cap(`${this.pick(PUSHES)} ${this.pick(this.theme.objects)} tại ${this.local ? this.commune : this.place.full}`);
    return `${cap(this.pick(this.theme.objects))} ở ${this.place.short}: ${this.pick(GOALS)}`;
  }

  sapo(publishedAt: number): string {
    const t = new Date((publishedAt + VN_OFFSET) * 1000);
    const hour = t.getUTCHours();
    const dayPart = DAY_PARTS[hour < 12 ? 0 : hour < 18 ? 1 : 2]!;
    const x = this.r();
    if (x < 0.5) {
      const first = `${dayPart} ${t.getUTCDate()}/${t.getUTCMonth() + 1}, ${this.subject()} tổ chức ${this.pick(this.theme.events)} nhằm ${this.pick(this.theme.verbs)} ${this.object()}.`;
      return `${first} ${this.pick(CLOSINGS).replace('#', String(this.year))}`;
    }
    return `${cap(this.pick(PERIODS))}, ${this.local ? this.place.full : 'toàn tỉnh'} đã tập trung ${this.pick(PUSHES)} ${this.object()}, đạt nhiều kết quả tích cực. Đến nay, ${this.scope() === 'tỉnh' ? 'toàn tỉnh' : this.place.full} đã có ${this.result()}.`;
  }

  /** Sentence templates are dealt from a shuffled deck, so that an article seldom says the same thing twice. */
  private deck: number[] = [];

  sentence(): string {
    if (this.deck.length === 0) {
      this.deck = Array.from({ length: SENTENCE_KINDS }, (_, i) => i);
      for (let i = this.deck.length - 1; i > 0; i--) {
        const j = Math.floor(this.r() * (i + 1));
        [this.deck[i], this.deck[j]] = [this.deck[j]!, this.deck[i]!];
      }
    }
    switch (this.deck.pop()) {
      case 0:
        return `Theo ${this.subject()}, ${this.pick(PERIODS)}, toàn ${this.scope()} đã có ${this.result()}.`;
      case 1:
        return `${cap(this.pick(PERIODS))}, ${this.subject()} đã ${this.pick(this.theme.verbs)} ${this.object()}, qua đó ${this.pick(BENEFITS)}.`;
      case 2:
        return `Đến nay, ${this.int(62, 99)}% số ${this.pick(['thôn, tổ dân phố', 'cơ quan, đơn vị', 'hộ dân', 'xã, thị trấn'])} đã hoàn thành các chỉ tiêu được giao, vượt ${this.int(2, 18)}% so với kế hoạch đề ra.`;
      case 3:
        return `Phát biểu tại ${this.pick(this.theme.events)}, đồng chí ${this.person(false)}, ${this.pick(ROLES)} đề nghị các cấp, các ngành tiếp tục ${this.pick(PUSHES)} ${this.object()}.`;
      case 4:
        return `Bên cạnh đó, ${this.subject()} cũng chú trọng ${this.pick(this.theme.objects)}, ${this.pick(BENEFITS)}.`;
      case 5:
        return `Tổng kinh phí thực hiện ước đạt ${this.int(2, 480)} tỷ đồng, trong đó ngân sách nhà nước hỗ trợ ${this.int(30, 80)}%, còn lại do nhân dân đóng góp và huy động từ các nguồn hợp pháp khác.`;
      case 6:
        return `${cap(this.person(true))}, ${this.pick(LOCAL_ROLES)} ${this.commune}, cho biết: “${this.pick(QUOTES)}”`;
      case 7:
        return `Thời gian tới, ${this.subject()} sẽ tiếp tục ${this.pick(PUSHES)} ${this.pick(this.theme.objects)}, phấn đấu hoàn thành các mục tiêu đề ra trong năm ${this.year}.`;
      case 8: {
        const [a, b] = this.pickTwo(this.theme.objects);
        return `Cùng với ${a}, ${this.place.full} còn ${this.pick(this.theme.verbs)} ${b}, bước đầu mang lại hiệu quả thiết thực.`;
      }
      case 9:
        return this.month > 2
          ? `Trong ${this.int(2, this.month - 1)} tháng đầu năm ${this.year}, toàn ${this.scope()} có ${this.result()}, tăng ${this.int(3, 35)}% so với cùng kỳ năm trước.`
          : `Năm ${this.year - 1}, toàn ${this.scope()} có ${this.result()}, tăng ${this.int(3, 35)}% so với năm trước đó.`;
      case 10:
        return `Để đạt được kết quả trên, ${this.subject()} đã chỉ đạo các đơn vị chức năng ${this.pick(PUSHES)} ${this.pick(this.theme.objects)}, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh từ cơ sở.`;
      case 11: {
        const [a, b] = this.pickTwo(LIMITS);
        return `Tuy nhiên, việc thực hiện ${this.pick(this.theme.objects)} vẫn còn một số hạn chế như ${a}, ${b}.`;
      }
      case 12:
        return `Ghi nhận tại ${this.commune}, ${this.pick(OBSERVATIONS)}.`;
      case 13:
        return `Nhiều cách làm hay, mô hình hiệu quả về ${this.pick(this.theme.objects)} đã được ${this.place.full} tổng kết, nhân rộng trong thời gian qua.`;
      default:
        return `Dịp này, ${this.subject()} đã biểu dương, khen thưởng ${this.int(5, 60)} tập thể và ${this.int(10, 120)} cá nhân có thành tích xuất sắc.`;
    }
  }

  paragraph(): string {
    const n = this.int(2, 3);
    let text = this.sentence();
    for (let i = 1; i < n; i++) text += ' ' + this.sentence();
    return text;
  }

  byline(): string | null {
    const x = this.r();
    if (x < 0.1) return null;
    return x < 0.85 ? this.pick(BYLINES) : this.pickTwo(BYLINES).join(' - ');
  }

  /** 1-4 distinct keyword slugs, most from the theme, some naming the place. */
  keywordSlugs(): string[] {
    const wanted = this.pick([1, 2, 2, 2, 3, 3, 3, 4, 4]);
    const slugs: string[] = [];
    const add = (slug: string) => {
      if (!slugs.includes(slug) && (KEYWORD_SINCE.get(slug) ?? 0) <= this.year) slugs.push(slug);
    };
    const themed = THEME_SLUGS.get(this.theme)!;
    for (let tries = 0; slugs.length === 0 && tries < 20; tries++) add(this.pick(themed));
    if (slugs.length < wanted && this.r() < 0.5) add(slugify(this.place.short));
    if (slugs.length < wanted && this.local && this.r() < 0.3) add(commonKeyword(this.commune));
    for (let tries = 0; slugs.length < wanted && tries < 20; tries++) add(this.pick(this.r() < 0.8 ? themed : GENERAL_SLUGS));
    return slugs;
  }
}

function themeFor(categoryName: string, position: number): Theme {
  const slug = slugify(categoryName);
  return THEMES.find((t) => slug.includes(t.match)) ?? THEMES[position % THEMES.length]!;
}

// ---------------------------------------------------------------------------------------------------------
// Writing to the database

/**
 * Inserts `count` published articles (ids `startId .. startId + count - 1`) with keywords and view counts,
 * using the categories and images already in `db`. Same `count` and `seed` on the same starting database:
 * byte-identical rows.
 */
export function generateDemoArticles(db: SqliteDb, { count, seed = 1, startId = 1_000_000, batchSize = 5_000 }: GenerateOptions): GenerateResult {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, not ${count}`);
  if (!Number.isInteger(startId) || startId < 1 || startId + count - 1 > MAX_ARTICLE_ID) {
    throw new Error(`ids ${startId}..${startId + count - 1} are out of range (1..${MAX_ARTICLE_ID})`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer`);
  const sqlite = db.$client;
  const result: GenerateResult = { inserted: 0, keywordLinks: 0, keywordsCreated: 0 };
  if (count === 0) return result;

  const cats = sqlite.prepare('SELECT id, name FROM categories ORDER BY position, id').all() as Array<{ id: number; name: string }>;
  const imageIds = sqlite.prepare('SELECT id FROM images ORDER BY id').pluck().all() as number[];
  if (cats.length === 0) throw new Error('no categories: load the demo content first (npm run db:seed)');
  if (imageIds.length === 0) throw new Error('no images: load the demo content first (npm run db:seed)');
  const taken = sqlite.prepare('SELECT count(*) FROM articles WHERE id BETWEEN ? AND ?').pluck().get(startId, startId + count - 1) as number;
  if (taken > 0) throw new Error(`${taken} article(s) already use ids ${startId}..${startId + count - 1}`);

  const themes = cats.map((c, i) => themeFor(c.name, i));
  const slugs = new Set(sqlite.prepare('SELECT slug FROM articles').pluck().all() as string[]);
  const vocabulary = new Map(KEYWORD_VOCABULARY.map((k) => [k.slug, k.name]));
  const keywordIds = new Map<string, number>();
  const findKeyword = sqlite.prepare('SELECT id FROM keywords WHERE slug = ?').pluck();
  const createKeyword = sqlite.prepare('INSERT INTO keywords (slug, name) VALUES (?, ?)');
  const keywordId = (slug: string): number => {
    let id = keywordIds.get(slug);
    if (id === undefined) {
      id = findKeyword.get(slug) as number | undefined;
      if (id === undefined) {
        id = Number(createKeyword.run(slug, vocabulary.get(slug)!).lastInsertRowid);
        result.keywordsCreated++;
      }
      keywordIds.set(slug, id);
    }
    return id;
  };

  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, category_id, slug, title, sapo, body, byline, lead_image_id, status, published_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)`,
  );
  // With the article's copies (see migration 0006), which spares the trigger an UPDATE per link.
  const insertKeyword = sqlite.prepare(
    'INSERT INTO article_keywords (article_id, keyword_id, position, category_id, published_at) VALUES (?, ?, ?, ?, ?)',
  );
  // The byline's authors as saveArticle writes them (lib/authors.ts), with the copy migration 0009's trigger keeps.
  const insertAuthor = sqlite.prepare('INSERT INTO article_authors (article_id, author_slug, name, position, published_at) VALUES (?, ?, ?, ?, ?)');
  const insertViews = sqlite.prepare('INSERT INTO article_views (article_id, views) VALUES (?, ?)');

  const span = DEMO_DATE_RANGE.to - DEMO_DATE_RANGE.from;
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = startId + i;
      const r = mulberry32(mix(seed, i));
      // Stratified over the range: later ids are published later, as on a real site.
      const publishedAt = DEMO_DATE_RANGE.from + Math.floor(((i + r()) / count) * span);
      const updatedAt = r() < 0.65 ? publishedAt : Math.min(DEMO_DATE_RANGE.to, publishedAt + 600 + Math.floor(r() * 3 * 86_400));
      const local = new Date((publishedAt + VN_OFFSET) * 1000);
      const c = Math.floor(r() * cats.length);
      const w = new Writer(r, themes[c]!, local.getUTCFullYear(), local.getUTCMonth() + 1);
      const imageId = w.pick(imageIds);
      const title = w.title();
      const sapo = w.sapo(publishedAt);
      const body: StoredBlock[] = [{ type: 'image', imageId }];
      const paragraphs = w.int(3, 5);
      for (let p = 0; p < paragraphs; p++) body.push({ type: 'paragraph', spans: [{ text: w.paragraph() }] });
      const byline = w.byline();
      let slug = slugify(title) || 'bai-viet';
      if (slugs.has(slug)) slug = `${slug}-${id}`;
      slugs.add(slug);
      insertArticle.run(id, cats[c]!.id, slug, title, sapo, JSON.stringify(body), byline, imageId, publishedAt, updatedAt);
      bylineAuthors(byline).forEach((author, position) => insertAuthor.run(id, author.slug, author.name, position, publishedAt));
      const tags = w.keywordSlugs();
      tags.forEach((s, position) => insertKeyword.run(id, keywordId(s), position, cats[c]!.id, publishedAt));
      result.keywordLinks += tags.length;
      insertViews.run(id, Math.floor(r() ** 3 * (MAX_VIEWS + 1)));
      result.inserted++;
    }
  });
  for (let from = 0; from < count; from += batchSize) writeBatch.immediate(from, Math.min(count, from + batchSize));
  return result;
}
