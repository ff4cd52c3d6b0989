// The call's page marks each forbidden phrase where it stands in the transcript as sent,
// however it was written (spaced out, full width, traditional characters, a dodge).
import { describe, expect, it } from 'vitest';
import type { ForbiddenFound } from '../rules/engine';
import { markTranscript } from './transcript';

const found = (phrase: string, family = '威胁人身安全'): ForbiddenFound => ({
  phrase,
  category: 'threat',
  familyId: 'f1',
  family,
  familyEn: 'Threats to safety',
});

const marked = (text: string, hits: ForbiddenFound[]) =>
  markTranscript(text, hits)
    .map((p) => (p.hit ? `[${p.text}]` : p.text))
    .join('');

describe('marking a transcript', () => {
  it('marks every place a phrase stands, keeping the rest as it was', () => {
    expect(marked('坐席：再不还钱就弄死你。债务人：你说什么？坐席：弄死你！', [found('弄死你')])).toBe(
      '坐席：再不还钱就[弄死你]。债务人：你说什么？坐席：[弄死你]！',
    );
  });

  it('finds a phrase written spaced out, in full width, in traditional characters or as a dodge', () => {
    expect(marked('再不还就 弄.死.你 听见没', [found('弄死你')])).toBe('再不还就 [弄.死.你] 听见没');
    expect(marked('你就是个老癞，欠钱不还', [found('老赖', '侮辱')])).toBe('你就是个[老癞]，欠钱不还');
    expect(marked('我们去你單位鬧', [found('去你单位闹', '骚扰')])).toBe('我们[去你單位鬧]');
    expect(marked('你这个laolai', [found('老赖', '侮辱')])).toBe('你这个[laolai]');
  });

  it('leaves a transcript with no hits as one plain stretch', () => {
    expect(markTranscript('您好，提醒您本月还款。', [])).toEqual([{ text: '您好，提醒您本月还款。', hit: null }]);
    expect(markTranscript('', [])).toEqual([]);
  });
});
