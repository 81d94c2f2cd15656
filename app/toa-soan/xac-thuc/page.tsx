import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TwoFactorCodeForm } from '@/components/newsroom/two-factor-code-form';
import { NEWSROOM_PATH, twoFactorMessage } from '@/lib/newsroom-http';
import { canUseNewsroom } from '@/lib/newsroom-permissions';
import { requireStaffPage } from '../access';

export const metadata: Metadata = { title: 'Xác thực hai lớp' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TwoFactorCodePage({ searchParams }: PageProps<'/toa-soan/xac-thuc'>) {
  const session = await requireStaffPage(canUseNewsroom, 'two-factor');
  if (!session.twoFactor.enabled || session.twoFactor.verified) redirect(NEWSROOM_PATH);
  const { loi, phut } = await searchParams;
  return <TwoFactorCodeForm action="/toa-soan/xac-thuc/gui" error={twoFactorMessage(first(loi), first(phut))} signOutAction="/toa-soan/dang-xuat" />;
}
