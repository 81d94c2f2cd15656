// The site's identity: one place to change the name, publisher and contact details.
export const siteConfig = {
  name: 'Thái Bình TV',
  fullName: 'Đài Phát thanh và Truyền hình Thái Bình',
  tagline: 'Tin tức Thái Bình',
  description:
    'Tin tức thời sự, chính trị, kinh tế, xã hội, văn hóa, thể thao của tỉnh Thái Bình do Đài Phát thanh và Truyền hình Thái Bình cung cấp.',
  publisher: {
    // schema.org type of the publisher in structured data: 'GovernmentOrganization' or 'NewsMediaOrganization'.
    type: 'GovernmentOrganization' as 'GovernmentOrganization' | 'NewsMediaOrganization',
    name: 'Đài Phát thanh và Truyền hình Thái Bình',
    // Demo values: set the real address, phone, e-mail and licence line before going live.
    address: 'Thành phố Thái Bình, tỉnh Thái Bình',
    phone: null as string | null,
    email: null as string | null,
    responsible: 'Chịu trách nhiệm nội dung: Giám đốc Đài Phát thanh và Truyền hình Thái Bình',
  },
  logo: { src: '/logo.svg', width: 48, height: 48 },
  // Raster logo for structured data (search engines want PNG/JPEG) and the default share image.
  logoRaster: { src: '/logo-512.png', width: 512, height: 512 },
  shareImage: { src: '/share-default.jpg', width: 1200, height: 630, alt: 'Thái Bình TV – Đài Phát thanh và Truyền hình Thái Bình' },
  locale: 'vi_VN',
  timeZone: 'Asia/Ho_Chi_Minh',
} as const;
