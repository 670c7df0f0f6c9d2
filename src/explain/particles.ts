/**
 * Korean particles after a filled-in word. Templates write both forms, `{X}이(가)`, because the
 * word is not known in advance; once it is, the form that fits the word's last syllable is kept:
 * 이름이, 캠페인 예산이 / 광고가. Text of other languages has none of these and passes unchanged.
 */

/** [written form, after a final consonant, after a vowel]; 으로/로 also takes 로 after ㄹ. */
const PAIRS: readonly (readonly [string, string, string])[] = [
  ['이(가)', '이', '가'],
  ['을(를)', '을', '를'],
  ['은(는)', '은', '는'],
  ['과(와)', '과', '와'],
  ['와(과)', '과', '와'],
  ['아(야)', '아', '야'],
  ['(이)가', '이', '가'],
  ['(을)를', '을', '를'],
  ['(은)는', '은', '는'],
  ['(으)로', '으로', '로'],
  ['으로(로)', '으로', '로'],
  ['(이)라는', '이라는', '라는'],
  ['(이)나', '이나', '나'],
];

const HINT = /\((?:가|를|는|와|과|야|로|이|을|은|으)\)/;

/** The text with each two-form particle resolved where the syllable before it is Hangul. */
export function fixParticles(text: string): string {
  if (!HINT.test(text)) return text;
  let out = text;
  for (const [written, afterConsonant, afterVowel] of PAIRS) {
    let from = 0;
    for (;;) {
      const at = out.indexOf(written, from);
      if (at < 0) break;
      const prev = at > 0 ? out.charCodeAt(at - 1) : 0;
      if (prev >= 0xac00 && prev <= 0xd7a3) {
        const final = (prev - 0xac00) % 28;
        const form = final === 0 ? afterVowel : written.includes('로') && final === 8 ? afterVowel : afterConsonant;
        out = out.slice(0, at) + form + out.slice(at + written.length);
        from = at + form.length;
      } else {
        from = at + written.length;
      }
    }
  }
  return out;
}
