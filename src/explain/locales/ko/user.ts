/**
 * Korean: templates of `userMessage()`, sentences for the advertiser rather than the developer.
 * Words filled in at run time can end in a vowel or a consonant, so particles are written in
 * both forms (이(가), 을(를), 은(는)) as Korean software usually does.
 */
import type { UserTemplates } from '../../types.js';

export const user: UserTemplates = {
  operation: '작업 {n}: {message}',
  subject: {
    create: '새 {resource}',
    update: '{resource}',
    remove: '삭제하려는 {resource}',
    none: '{resource}',
  },
  article: { vowel: '{x}', consonant: '{x}' },
  codes: {
    'fieldError.REQUIRED': '{subject}에 {aField}이(가) 필요합니다.',
    'fieldError.IMMUTABLE_FIELD': '{subject}의 {field}은(는) 한 번 설정하면 바꿀 수 없습니다.',
    'fieldError.INVALID_VALUE': '{subject}의 {field}에 허용되지 않는 값이 들어 있습니다.',
    'fieldError.VALUE_MUST_BE_UNSET': '여기서는 {subject}의 {field}을(를) 비워 두어야 합니다.',
    'fieldError.REQUIRED_NONEMPTY_LIST': '{subject}에 {field}이(가) 하나 이상 있어야 합니다.',
    'fieldError.FIELD_CANNOT_BE_CLEARED': '{subject}의 {field}은(는) 비울 수 없습니다.',
    'stringLengthError.TOO_SHORT': '{subject}의 {field}이(가) 너무 짧습니다.',
    'stringLengthError.TOO_LONG': '{subject}의 {field}이(가) 너무 깁니다.',
    'stringLengthError.EMPTY': '{subject}의 {field}은(는) 비워 둘 수 없습니다.',
    'rangeError.TOO_LOW': '{subject}의 {field}이(가) 너무 낮습니다.',
    'rangeError.TOO_HIGH': '{subject}의 {field}이(가) 너무 높습니다.',
    'stringFormatError.ILLEGAL_CHARS': '{subject}의 {field}에 사용할 수 없는 문자가 들어 있습니다.',
    'stringFormatError.INVALID_FORMAT': '{subject}의 {field}이(가) 올바른 형식이 아닙니다.',
    'requestError.RESOURCE_NOT_FOUND': '{resource}을(를) 찾을 수 없습니다.',
    'mutateError.RESOURCE_NOT_FOUND': '{resource}을(를) 찾을 수 없습니다.',
    'idError.NOT_FOUND': '{resource}을(를) 찾을 수 없습니다.',
    'campaignError.DUPLICATE_CAMPAIGN_NAME': '같은 이름의 캠페인이 이미 있습니다.',
    'adGroupError.DUPLICATE_ADGROUP_NAME': '이 캠페인에 같은 이름의 광고 그룹이 이미 있습니다.',
    'campaignBudgetError.DUPLICATE_NAME': '같은 이름의 예산이 이미 있습니다.',
    'urlFieldError.INVALID_URL': '{subject}의 {field}이(가) 올바른 웹 주소가 아닙니다.',
    'urlFieldError.INVALID_FINAL_URL': '{subject}의 최종 URL이 올바른 웹 주소가 아닙니다.',
    'policyFindingError.POLICY_FINDING': '{subject}이(가) Google Ads 정책을 준수하지 않습니다.',
    'policyViolationError.POLICY_ERROR': '{subject}이(가) Google Ads 정책을 준수하지 않습니다.',
    'authorizationError.USER_PERMISSION_DENIED': '이 Google Ads 계정에 액세스할 권한이 없습니다.',
    'quotaError.RESOURCE_EXHAUSTED': '한 번에 너무 많은 변경사항을 보냈습니다. 잠시 후 다시 시도해 주세요.',
    'internalError.INTERNAL_ERROR': 'Google Ads에 일시적인 문제가 있었습니다. 다시 시도해 주세요.',
    'databaseError.CONCURRENT_MODIFICATION': '다른 사람이 같은 시간에 {subject}을(를) 변경하고 있었습니다. 다시 시도해 주세요.',
    'resourceCountLimitExceededError.CAMPAIGN_LIMIT': '계정의 캠페인 수가 최대 한도에 도달했습니다.',
    'resourceCountLimitExceededError.ADGROUP_LIMIT': '캠페인의 광고 그룹 수가 최대 한도에 도달했습니다.',
  },
  fallbackField: '{problem} ({subject}의 {field}).',
  fallback: '{subject}: {problem}.',
  resource: '항목',
  field: '값',
};
