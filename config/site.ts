// The site's identity: one place to change the name, publisher and contact details.
export const siteConfig = {
  name: 'Thái Bình TV',
  fullName: 'Đài Phát thanh và Truyền hình Thái Bình',
  tagline: 'Tin tức Thái Bình',
  description:
    'Tin tức thời sự, chính trị, kinh tế, xã hội, văn hóa, thể thao của tỉnh Thái Bình do Đài Phát thanh và Truyền hình Thái Bình cung cấp.',
  publisher: {
    name: 'Đài Phát thanh và Truyền hình Thái Bình',
    // Demo values: set the real address, phone, e-mail and licence line before going live.
    address: 'Thành phố Thái Bình, tỉnh Thái Bình',
    phone: null as string | null,
    email: null as string | null,
    responsible: 'Chịu trách nhiệm nội dung: Giám đốc Đài Phát thanh và Truyền hình Thái Bình',
  },
  logo: { src: '/logo.svg', width: 48, height: 48 },
  locale: 'vi_VN',
  timeZone: 'Asia/Ho_Chi_Minh',
} as const;
