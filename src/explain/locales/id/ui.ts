/**
 * Bahasa Indonesia: label, frasa retry, nama pihak dan jenis error, petunjuk kontekstual, dan
 * templat penjelasan gabungan. Placeholder dalam kurung kurawal diisi oleh engine (lihat
 * `src/explain/locales/README.md`). Istilah mengikuti dokumentasi Google berbahasa Indonesia
 * (akun pengelola, token developer, ID pelanggan, token akses, library klien).
 */
import type { UiStrings } from '../../types.js';

export const ui: UiStrings = {
  labels: {
    what: 'Apa yang terjadi',
    causes: 'Kemungkinan penyebab',
    steps: 'Yang perlu dilakukan sekarang',
    prevent: 'Cara mencegahnya',
    retry: 'Coba lagi',
    actor: 'Siapa yang harus bertindak',
    facts: 'Dari error ini',
    code: 'Kode',
    operation: 'Operasi',
    fieldPath: 'Kolom',
    trigger: 'Nilai yang dikirim',
    requestId: 'ID permintaan',
    errorsCount: '{count} error',
    noErrors: 'Tidak ada yang perlu dijelaskan.',
    versions: 'Versi',
    number: 'Nomor',
    category: 'Kategori',
    noMatch: 'Tidak ada kode yang cocok dengan "{query}".',
  },
  retry: {
    never: 'Jangan kirim ulang permintaan ini: mengirimnya lagi tidak akan mengubah hasilnya.',
    afterFixingRequest: 'Kirim ulang hanya setelah Anda mengubah permintaannya; permintaan yang sama akan gagal dengan cara yang sama.',
    afterOutsideFix:
      'Kirim ulang hanya setelah akun, token, atau setelan yang disebutkan di atas diperbaiki; mengubah kode Anda saja tidak akan membuatnya berhasil.',
    backoff: 'Aman dikirim ulang tanpa perubahan: coba lagi dengan backoff eksponensial (sekitar 1 dtk, 2 dtk, 4 dtk, ditambah sedikit jitter acak) dan berhenti setelah beberapa kali percobaan.',
    afterDelay: 'Tunggu {delay} sesuai permintaan server, lalu kirim ulang permintaan yang sama.',
    afterDelayUnknown:
      'Tunggu dulu sebelum mengirim ulang: server tidak memberi waktu tunggu, jadi gunakan backoff eksponensial (1 dtk, 2 dtk, 4 dtk…) dan kurangi laju permintaan Anda.',
    comeBack: 'Jangan terus mencoba sekarang: batas ini direset dalam {delay}, sekitar pukul {retryAt} UTC. Kirim ulang setelah itu.',
    quotaNoDelay: 'Jangan langsung mencoba lagi: batas ini berlaku untuk jangka waktu yang panjang (sering kali satu hari penuh). Kembali lagi setelah batasnya direset, atau naikkan batasnya.',
    schedule: 'Tunggu {first}, lalu coba lagi setiap {every} sampai permintaan berhasil.',
  },
  actors: {
    developer: 'Developer (ubah kode, permintaan, atau header-nya)',
    admin: 'Admin akun Google Ads, akun pengelola, atau project Cloud',
    'end-user': 'Orang yang login (pengguna akhir aplikasi)',
    nobody: 'Tidak ada: masalahnya sementara; cukup tunggu lalu coba lagi',
  },
  kinds: {
    authentication: 'autentikasi',
    authorization: 'otorisasi',
    quota: 'kuota',
    'rate-limit': 'batas laju',
    'invalid-request': 'permintaan tidak valid',
    'not-found': 'tidak ditemukan',
    conflict: 'konflik',
    precondition: 'prasyarat',
    transient: 'masalah server sementara',
    unsupported: 'tidak didukung',
    cancelled: 'dibatalkan',
    redirect: 'pengalihan',
    unknown: 'tidak diketahui',
  },
  hints: {
    customerIdDashes: 'Kirim ID pelanggan sebagai {digits}: 10 digit, tanpa tanda hubung (permintaan ini memakai {customerId}).',
    loginCustomerIdDashes: 'Tulis header login-customer-id sebagai {loginDigits}, hanya angka (yang dikirim adalah {loginCustomerId}).',
    loginCustomerIdMissing:
      'Permintaan Anda tidak memiliki header login-customer-id. Jika Anda mengakses akun ini melalui akun pengelola, isi login-customer-id dengan ID 10 digit akun pengelola tersebut.',
    loginCustomerIdSet:
      'Permintaan Anda mengirim login-customer-id {loginCustomerId}. Pastikan akun pengelola ini memang mengelola akun target dan Akun Google yang login memiliki akses ke akun pengelola tersebut.',
    field: 'Error ini menunjuk ke kolom {fieldPath}.',
    fieldWithTrigger: 'Error ini menunjuk ke kolom {fieldPath}, dengan nilai yang dikirim {trigger}.',
    resourceCount: 'Batasnya di sini adalah {limit}.',
    resourceCountExisting: 'Batasnya di sini adalah {limit}, dan sudah ada {existingCount}.',
    policy: 'Kebijakan yang terkait adalah {policyName}.',
    policyWithText: 'Kebijakan yang terkait adalah {policyName}; teks yang memicunya adalah "{violatingText}".',
    policyExemptible:
      'Temuan ini dapat dikecualikan: jika teksnya memang sah, kirim ulang operasi dengan kunci kebijakan dari error ini di exempt_policy_violation_keys (atau ignorable_policy_topics).',
    dailyQuota:
      'Ini tampaknya batas harian: batas direset dalam {delay}, sekitar pukul {retryAt} UTC. Berhenti mengirim sampai saat itu, jangan mencoba ulang terus-menerus dalam loop.',
    dailyQuotaNamed:
      'Batas yang tercapai adalah "{rateName}". Batas ini direset dalam {delay}, sekitar pukul {retryAt} UTC. Berhenti mengirim sampai saat itu, jangan mencoba ulang terus-menerus dalam loop.',
    quotaNoDelay: 'Batas ini berlaku untuk jangka waktu yang panjang; sebarkan pekerjaan Anda dari waktu ke waktu atau minta batas yang lebih tinggi.',
    basicAccess:
      'Token developer dengan akses Dasar boleh menjalankan 15.000 operasi per hari. Jika Anda rutin membutuhkan lebih banyak, ajukan akses Standar di Pusat API akun pengelola Anda.',
    waitDelay: 'Server meminta Anda menunggu {delay} sebelum permintaan berikutnya.',
    noDelay: 'Server tidak memberi waktu tunggu: gunakan backoff eksponensial dan kurangi laju permintaan.',
    unpublished: 'Server juga mengirim kode internal, {unpublishedCode}; sebutkan kode ini jika Anda menghubungi dukungan.',
    requestId: 'Jika masalah berlanjut, laporkan dengan ID permintaan {requestId}.',
  },
  composed: {
    what: '{Problem} ({code}).',
    about: 'Kategori {category} berkaitan dengan {resource}. {about}',
    rawTitle: 'Error {codeName} di {category}',
    rawProblem: 'API menolak permintaan dengan {codeName}',
    cause: 'Permintaan (atau kondisi akun) melanggar aturan kategori ini: {problem}.',
    prevent: 'Validasi permintaan berdasarkan referensi API sebelum mengirimnya, dan uji panggilan baru dengan validate_only disetel ke true.',
    unknownCategoryStep: 'Cari {code} di referensi error Google Ads API untuk versi API yang Anda panggil, dan baca teks pesan error-nya.',
    unspecifiedTitle: 'Kode {category} tidak ditentukan',
    unspecifiedWhat:
      'Error ini berisi UNSPECIFIED, nilai nol dari {category}. API tidak pernah mengirimnya dengan sengaja; biasanya ini berarti kode aslinya hilang saat error di-decode.',
    unspecifiedCause: 'Klien yang men-decode error tidak dapat membaca kode sebenarnya (library lebih lama daripada versi API, atau payload rusak).',
    unknownTitle: 'Kode {category} tidak dikenal oleh versi API ini',
    unknownWhat:
      'Error ini berisi UNKNOWN di {category}: server memiliki kode yang tidak tercantum di versi API yang Anda panggil.',
    unknownCause: 'Server mengembalikan kode yang lebih baru daripada versi API (atau library klien) yang Anda gunakan.',
    placeholderStep: 'Baca teks pesan error untuk mengetahui alasan sebenarnya, lalu perbarui library klien dan versi API yang Anda gunakan.',
  },
  kindCause: {
    authentication: 'Kredensial yang dikirim bersama permintaan (token OAuth, token developer, atau header ID pelanggan) tidak ada, salah, atau sudah tidak berlaku.',
    authorization: 'Kredensialnya valid, tetapi pengguna yang login, token developer, atau project Cloud tidak boleh melakukan ini di akun ini.',
    quota: 'Kuota jangka panjang (misalnya batas operasi harian token developer) sudah habis.',
    'rate-limit': 'Terlalu banyak permintaan yang dikirim dalam waktu singkat untuk akun atau token developer ini.',
    'invalid-request': 'Ada nilai dalam permintaan yang tidak ada, formatnya salah, atau tidak diizinkan di sini.',
    'not-found': 'Permintaan merujuk ke sesuatu yang tidak ada, sudah dihapus, atau tidak terlihat oleh akun ini.',
    conflict: 'Permintaan bertabrakan dengan sesuatu yang sudah ada atau dengan perubahan lain yang dibuat pada saat yang sama.',
    precondition: 'Akun atau resource tidak berada dalam kondisi yang dibutuhkan permintaan ini.',
    transient: 'Ada masalah sementara di server Google.',
    unsupported: 'Versi API atau layanan yang dipanggil tidak mendukung operasi ini.',
    cancelled: 'Panggilan dibatalkan sebelum selesai, biasanya oleh deadline klien itu sendiri.',
    redirect: 'Permintaan harus dikirim ke alamat lain.',
    unknown: 'Server tidak menjelaskan penyebabnya lebih lanjut.',
  },
  kindStep: {
    authentication: 'Periksa kredensial permintaan: token akses di Authorization: Bearer, header developer-token, dan ID pelanggan.',
    authorization: 'Periksa siapa yang login, akun pengelola mana yang dipakai (login-customer-id), dan akses apa yang dimiliki pengguna itu serta token developer-nya.',
    quota: 'Hentikan pengiriman untuk sementara dan atur pekerjaan sesuai kuota; ajukan tingkat akses yang lebih tinggi jika kuotanya terlalu kecil.',
    'rate-limit': 'Perlambat: tunggu, lalu kirim ulang dengan backoff eksponensial, dan sebarkan permintaan dari waktu ke waktu.',
    'invalid-request': 'Ubah nilai yang disebut oleh error (lihat jalur kolomnya) lalu kirim ulang permintaan.',
    'not-found': 'Periksa ID atau nama resource dalam permintaan: harus ada dan milik pelanggan yang ada di permintaan.',
    conflict: 'Baca dulu kondisi saat ini (dengan kueri search), lalu putuskan apakah sebaiknya memperbarui item yang ada daripada membuat item baru.',
    precondition: 'Bawa akun atau resource ke kondisi yang dibutuhkan terlebih dahulu (misalnya aktifkan, selesaikan penyiapan, atau hapus yang menghalanginya), lalu kirim ulang.',
    transient: 'Kirim ulang permintaan yang sama setelah menunggu sebentar, dengan backoff eksponensial.',
    unsupported: 'Pastikan versi API dan layanan yang Anda panggil menyediakan operasi ini; upgrade versi API jika perlu.',
    cancelled: 'Beri panggilan deadline yang lebih panjang dan cari tahu apa yang membatalkannya; periksa apakah mutate sudah diterapkan sebelum mengirim ulang.',
    redirect: 'Kirim permintaan ke alamat yang ada di header Location.',
    unknown: 'Baca pesan error dan ID permintaannya; jika tidak ada yang menunjuk ke permintaan, coba sekali lagi lalu laporkan.',
  },
  units: {
    seconds: '{n} dtk',
    minutes: '{n} mnt',
    hours: '{n} jam',
    days: '{n} hari',
  },
  unknownFact: '(tidak disebutkan)',
};
