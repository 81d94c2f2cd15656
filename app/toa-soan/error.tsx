'use client';

// The public site's error message, inside the newsroom's document (it has a root layout of its own).
export { default } from '@/app/(site)/error';
