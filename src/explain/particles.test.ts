import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixParticles } from './particles.js';

test('the particle that fits the last syllable is kept', () => {
  assert.equal(fixParticles('이름이(가) 너무 깁니다'), '이름이 너무 깁니다');
  assert.equal(fixParticles('광고이(가) 없습니다'), '광고가 없습니다');
  assert.equal(fixParticles('예산을(를) 확인하세요'), '예산을 확인하세요');
  assert.equal(fixParticles('키워드을(를) 확인하세요'), '키워드를 확인하세요');
  assert.equal(fixParticles('캠페인(으)로 이동'), '캠페인으로 이동');
  assert.equal(fixParticles('파일(으)로 저장'), '파일로 저장', 'ㄹ takes 로');
  assert.equal(fixParticles('광고(으)로 이동'), '광고로 이동');
  assert.equal(fixParticles('캠페인와(과) 광고'), '캠페인과 광고');
  assert.equal(fixParticles('광고와(과) 예산'), '광고와 예산');
});

test('after a non-Hangul word both forms stay; other languages pass unchanged', () => {
  assert.equal(fixParticles('login-customer-id이(가) 없습니다'), 'login-customer-id이(가) 없습니다');
  assert.equal(fixParticles('the name (as sent) is too long'), 'the name (as sent) is too long');
  assert.equal(fixParticles('名稱過長（新廣告活動的名稱）'), '名稱過長（新廣告活動的名稱）');
});
