import { regenerateBackupCodes } from '@/db/newsroom-two-factor';
import { shownOnce } from '@/lib/newsroom-responses';
import { SECURITY_PATH } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { backToSecurityPage, withCurrentCode } from '../with-current-code';

// New backup codes (POST only), for a current code; the old ones stop working. Shown once.
export function POST(request: Request) {
  return withCurrentCode(request, canUseNewsroom, regenerateBackupCodes, (codes) =>
    shownOnce({
      title: 'Mã dự phòng mới',
      lead: 'Đây là 10 mã dự phòng mới; các mã cũ không còn dùng được. Mỗi mã dùng được một lần.',
      secrets: codes,
      next: { href: SECURITY_PATH, label: 'Về trang bảo mật' },
    }),
  );
}

export const GET = backToSecurityPage;
