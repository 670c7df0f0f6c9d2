/**
 * Korean: labels, retry phrases, actor and kind names, context hints and the templates of
 * composed explanations. Placeholders in braces are filled by the engine (see
 * `src/explain/locales/README.md`). Terms follow Google's Korean documentation
 * (관리자 계정, 개발자 토큰, 할당량, 지수 백오프, 요청 ID).
 */
import type { UiStrings } from '../../types.js';

export const ui: UiStrings = {
  labels: {
    what: '발생한 문제',
    causes: '가능한 원인',
    steps: '지금 해야 할 일',
    prevent: '예방 방법',
    retry: '재시도',
    actor: '조치할 사람',
    facts: '이 오류에서 확인된 정보',
    code: '코드',
    operation: '작업',
    fieldPath: '필드',
    trigger: '보낸 값',
    requestId: '요청 ID',
    errorsCount: '오류 {count}개',
    noErrors: '설명할 오류가 없습니다.',
    versions: '버전',
    number: '번호',
    category: '카테고리',
    noMatch: '"{query}"에 일치하는 코드가 없습니다.',
  },
  retry: {
    never: '이 요청을 다시 보내지 마세요. 다시 보내도 결과는 달라지지 않습니다.',
    afterFixingRequest: '요청을 수정한 뒤에만 다시 보내세요. 같은 요청은 같은 이유로 다시 실패합니다.',
    afterOutsideFix:
      '위에서 언급한 계정, 토큰 또는 설정이 먼저 바로잡혀야 다시 보낼 수 있습니다. 코드만 고쳐서는 통과하지 않습니다.',
    backoff: '그대로 다시 보내도 안전합니다. 지수 백오프(약 1초, 2초, 4초에 무작위 지터를 더해서)로 재시도하고, 몇 번 시도한 뒤에는 멈추세요.',
    afterDelay: '서버가 요청한 대로 {delay} 기다린 다음 같은 요청을 다시 보내세요.',
    afterDelayUnknown:
      '다시 보내기 전에 기다리세요. 서버가 대기 시간을 알려 주지 않았으므로 지수 백오프(1초, 2초, 4초…)를 적용하고 요청 빈도를 낮추세요.',
    comeBack: '지금 계속 재시도하지 마세요. 한도는 {delay} 뒤, UTC 기준 약 {retryAt}에 초기화됩니다. 그 이후에 다시 보내세요.',
    quotaNoDelay: '바로 재시도하지 마세요. 이 한도는 긴 기간(대개 하루 전체)에 적용됩니다. 한도가 초기화된 뒤에 다시 시도하거나 한도를 늘리세요.',
    schedule: '{first} 기다린 뒤, 요청이 성공할 때까지 {every}마다 재시도하세요.',
  },
  actors: {
    developer: '개발자 (코드, 요청 또는 요청 헤더를 수정)',
    admin: 'Google Ads 계정, 관리자 계정 또는 Cloud 프로젝트의 관리자',
    'end-user': '로그인한 사용자 (앱의 최종 사용자)',
    nobody: '없음: 일시적인 문제이므로 기다렸다가 재시도하면 됩니다',
  },
  kinds: {
    authentication: '인증',
    authorization: '권한',
    quota: '할당량',
    'rate-limit': '비율 제한',
    'invalid-request': '잘못된 요청',
    'not-found': '찾을 수 없음',
    conflict: '충돌',
    precondition: '전제 조건',
    transient: '일시적인 서버 문제',
    unsupported: '지원되지 않음',
    cancelled: '취소됨',
    redirect: '리디렉션',
    unknown: '알 수 없음',
  },
  hints: {
    customerIdDashes: '고객 ID는 하이픈 없이 10자리 숫자({digits}) 형식으로 보내세요. 이번 요청에 사용된 값: {customerId}',
    loginCustomerIdDashes: 'login-customer-id 헤더는 숫자만 사용해 {loginDigits} 형식으로 적으세요. 이번에 전송된 값: {loginCustomerId}',
    loginCustomerIdMissing:
      '요청에 login-customer-id 헤더가 없었습니다. 관리자 계정을 통해 이 계정에 접근한다면 login-customer-id에 해당 관리자 계정의 10자리 ID를 설정하세요.',
    loginCustomerIdSet:
      '요청의 login-customer-id 값은 {loginCustomerId}입니다. 이 관리자 계정이 대상 계정을 실제로 관리하는지, 로그인한 Google 계정이 그 관리자 계정에 액세스할 수 있는지 확인하세요.',
    field: '오류가 가리키는 필드는 {fieldPath}입니다.',
    fieldWithTrigger: '오류가 가리키는 필드는 {fieldPath}이며, 보낸 값은 {trigger}입니다.',
    resourceCount: '여기에 적용되는 한도는 {limit}입니다.',
    resourceCountExisting: '여기에 적용되는 한도는 {limit}이며, 이미 {existingCount}개가 있습니다.',
    policy: '관련된 정책은 {policyName}입니다.',
    policyWithText: '관련된 정책은 {policyName}이며, 정책에 걸린 텍스트는 "{violatingText}"입니다.',
    policyExemptible:
      '이 정책 위반은 예외 요청이 가능합니다. 텍스트에 문제가 없다면 이 오류의 정책 키를 exempt_policy_violation_keys(또는 ignorable_policy_topics)에 넣어 작업을 다시 보내세요.',
    dailyQuota:
      '일일 한도에 걸린 것으로 보입니다. {delay} 뒤, UTC 기준 약 {retryAt}에 초기화됩니다. 반복해서 재시도하지 말고 그때까지 요청을 멈추세요.',
    dailyQuotaNamed:
      '도달한 한도는 "{rateName}"입니다. {delay} 뒤, UTC 기준 약 {retryAt}에 초기화됩니다. 반복해서 재시도하지 말고 그때까지 요청을 멈추세요.',
    quotaNoDelay: '이 한도는 긴 기간에 걸쳐 적용됩니다. 작업을 시간에 걸쳐 나누어 보내거나 더 높은 한도를 신청하세요.',
    basicAccess:
      '기본 액세스 수준의 개발자 토큰은 하루에 15,000개의 작업을 실행할 수 있습니다. 이보다 많이 필요한 경우가 잦다면 관리자 계정의 API 센터에서 스탠더드 액세스를 신청하세요.',
    waitDelay: '서버가 다음 요청 전에 {delay} 기다리라고 요청했습니다.',
    noDelay: '서버가 대기 시간을 알려 주지 않았습니다. 지수 백오프를 적용하고 요청 빈도를 낮추세요.',
    unpublished: '서버가 내부 코드 {unpublishedCode}도 함께 보냈습니다. 지원팀에 문의할 때 이 코드를 알려 주세요.',
    requestId: '문제가 계속되면 요청 ID({requestId})를 함께 알려 신고하세요.',
  },
  composed: {
    what: '{Problem} ({code}).',
    about: '카테고리 {category}의 대상은 {resource}입니다. {about}',
    rawTitle: '{category}의 {codeName} 오류',
    rawProblem: 'API가 요청을 거부했습니다(코드: {codeName})',
    cause: '요청(또는 계정의 상태)이 이 카테고리의 규칙을 어겼습니다: {problem}.',
    prevent: '보내기 전에 API 참조 문서와 요청을 대조해 검증하고, 새로운 호출은 validate_only를 true로 설정해 먼저 테스트하세요.',
    unknownCategoryStep: '호출하는 API 버전의 Google Ads API 오류 참조에서 {code} 항목을 찾아보고, 오류의 메시지 텍스트를 읽어 보세요.',
    unspecifiedTitle: '지정되지 않은 {category} 코드',
    unspecifiedWhat:
      '오류에 {category}의 0 값인 UNSPECIFIED가 들어 있습니다. API가 일부러 보내는 값이 아니며, 대개 오류를 디코딩하는 과정에서 실제 코드가 사라졌다는 뜻입니다.',
    unspecifiedCause: '오류를 디코딩한 클라이언트가 실제 코드를 읽지 못했습니다(API 버전보다 오래된 라이브러리이거나 손상된 페이로드).',
    unknownTitle: '이 API 버전에 없는 {category} 코드',
    unknownWhat:
      '오류에 {category}의 UNKNOWN이 들어 있습니다. 서버에는 코드가 있었지만, 호출한 API 버전에는 그 코드가 정의되어 있지 않습니다.',
    unknownCause: '사용 중인 API 버전(또는 클라이언트 라이브러리)보다 새로운 코드를 서버가 반환했습니다.',
    placeholderStep: '실제 원인은 오류의 메시지 텍스트에서 확인하고, 사용 중인 클라이언트 라이브러리와 API 버전을 업데이트하세요.',
  },
  kindCause: {
    authentication: '요청과 함께 보낸 사용자 인증 정보(OAuth 토큰, 개발자 토큰 또는 고객 ID 헤더)가 없거나, 잘못되었거나, 더 이상 유효하지 않습니다.',
    authorization: '사용자 인증 정보는 유효하지만, 로그인한 사용자, 개발자 토큰 또는 Cloud 프로젝트에 이 계정에서 이 작업을 할 권한이 없습니다.',
    quota: '장기 할당량(예: 개발자 토큰의 일일 작업 한도)을 모두 사용했습니다.',
    'rate-limit': '이 계정 또는 개발자 토큰으로 짧은 시간에 너무 많은 요청을 보냈습니다.',
    'invalid-request': '요청의 어떤 값이 없거나, 형식이 잘못되었거나, 이 위치에서 허용되지 않습니다.',
    'not-found': '요청이 존재하지 않거나, 삭제되었거나, 이 계정에서 볼 수 없는 대상을 가리키고 있습니다.',
    conflict: '요청이 이미 존재하는 항목이나 동시에 이루어진 다른 변경과 충돌합니다.',
    precondition: '계정이나 리소스가 이 요청에 필요한 상태가 아닙니다.',
    transient: 'Google 서버의 일시적인 문제입니다.',
    unsupported: '호출한 API 버전이나 서비스가 이 작업을 지원하지 않습니다.',
    cancelled: '호출이 끝나기 전에 취소되었습니다. 대개 클라이언트 자신의 기한(deadline) 때문입니다.',
    redirect: '요청을 다른 주소로 보내야 합니다.',
    unknown: '서버가 원인에 대해 더 알려 주지 않았습니다.',
  },
  kindStep: {
    authentication: '요청의 사용자 인증 정보를 확인하세요: Authorization: Bearer 액세스 토큰, developer-token 헤더, 고객 ID.',
    authorization: '누가 로그인했는지, 어떤 관리자 계정(login-customer-id)을 사용하는지, 그 사용자와 개발자 토큰에 어떤 액세스 권한이 있는지 확인하세요.',
    quota: '일단 요청을 멈추고 할당량에 맞춰 작업 계획을 세우세요. 할당량이 너무 작다면 더 높은 액세스 수준을 신청하세요.',
    'rate-limit': '속도를 줄이세요. 잠시 기다린 뒤 지수 백오프로 다시 보내고, 요청을 시간에 걸쳐 분산하세요.',
    'invalid-request': '오류가 가리키는 값(필드 경로 참고)을 수정한 뒤 요청을 다시 보내세요.',
    'not-found': '요청의 ID나 리소스 이름을 확인하세요. 실제로 존재해야 하고, 요청의 고객 계정에 속해 있어야 합니다.',
    conflict: '먼저 현재 상태를 조회(search 쿼리)한 다음, 새로 만들지 말고 기존 항목을 업데이트할지 판단하세요.',
    precondition: '먼저 계정이나 리소스를 필요한 상태로 만든 뒤(예: 사용 설정, 설정 완료, 방해 요소 삭제) 다시 보내세요.',
    transient: '잠시 기다린 뒤 같은 요청을 지수 백오프로 다시 보내세요.',
    unsupported: '호출하는 API 버전과 서비스가 이 작업을 제공하는지 확인하고, 필요하면 API 버전을 올리세요.',
    cancelled: '호출의 기한(deadline)을 늘리고 무엇이 취소했는지 찾아보세요. 다시 보내기 전에 mutate가 이미 반영되었는지 확인하세요.',
    redirect: 'Location 헤더에 있는 주소로 요청을 보내세요.',
    unknown: '오류 메시지와 요청 ID를 읽어 보세요. 요청에 문제가 보이지 않으면 한 번 재시도한 뒤 신고하세요.',
  },
  units: {
    seconds: '{n}초',
    minutes: '{n}분',
    hours: '{n}시간',
    days: '{n}일',
  },
  unknownFact: '(정보 없음)',
};
