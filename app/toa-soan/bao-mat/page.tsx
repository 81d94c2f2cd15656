import type { Metadata } from 'next';
import { SecuritySettings } from '@/components/newsroom/security-settings';
import { countBackupCodesLeft } from '@/db/newsroom-two-factor';
import { ENROL_PATH, NEWSROOM_PATH, twoFactorMessage } from '@/lib/newsroom-http';
import { canTurnOffTwoFactor, canUseNewsroom } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../access';

export const metadata: Metadata = { title: 'Bảo mật đăng nhập' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SecurityPage({ searchParams }: PageProps<'/toa-soan/bao-mat'>) {
  const session = await requireStaffPage(canUseNewsroom);
  const { enabled } = session.twoFactor;
  const { loi, phut } = await searchParams;
  return (
    <SecuritySettings
      enabled={enabled}
      backupCodesLeft={enabled ? await countBackupCodesLeft(session) : 0}
      mayTurnOff={canTurnOffTwoFactor(session.user)}
      error={twoFactorMessage(first(loi), first(phut))}
      links={{ enrol: ENROL_PATH, home: NEWSROOM_PATH }}
      actions={{ regenerate: '/toa-soan/bao-mat/ma-du-phong', turnOff: '/toa-soan/bao-mat/tat' }}
    />
  );
}
