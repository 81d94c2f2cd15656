import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/newsroom/sign-in-form';
import { pendingStep } from '@/db/newsroom-access';
import { getStaffSession } from '@/db/newsroom-sessions';
import { NEWSROOM_PATH, signInMessage } from '@/lib/newsroom-http';
import { STEP_PATHS } from '../access';

export const metadata: Metadata = { title: 'Đăng nhập tòa soạn' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: PageProps<'/toa-soan/dang-nhap'>) {
  const session = await getStaffSession(await headers());
  if (session) {
    const step = pendingStep(session);
    redirect(step ? STEP_PATHS[step] : NEWSROOM_PATH);
  }
  const { loi, phut } = await searchParams;
  return <SignInForm action="/toa-soan/dang-nhap/gui" error={signInMessage(first(loi), first(phut))} />;
}
