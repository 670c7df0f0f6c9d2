/** Bahasa Indonesia: 17 kode status gRPC, seperti yang ditemui pemanggil Google Ads API. */
import type { Entry } from '../../types.js';

export const status: Readonly<Record<string, Entry>> = {
  OK: {
    title: 'Tidak ada error (OK)',
    what: 'Panggilan berhasil; status 0 berarti tidak ada yang perlu diperbaiki.',
    causes: ['Respons sukses diteruskan ke alat penanganan error, atau respons partial failure dibaca sebagai kegagalan total.'],
    steps: ['Jika Anda mengharapkan error, lihat partial_failure_error di respons: dengan partial failure aktif, panggilan mengembalikan OK dan melaporkan operasi yang gagal di sana.'],
    prevent: ['Periksa kode status (atau status HTTP) sebelum memperlakukan respons sebagai error.'],
  },
  CANCELLED: {
    title: 'Panggilan dibatalkan (CANCELLED)',
    what: 'Panggilan berhenti sebelum selesai, hampir selalu karena pemanggilnya sendiri yang menyerah: deadline-nya lewat, AbortSignal terpicu, atau proses dimatikan.',
    causes: [
      'Deadline atau timeout di sisi klien lebih pendek daripada waktu yang dibutuhkan panggilan (laporan besar, mutate besar).',
      'Aplikasi membatalkan panggilan, misalnya saat pengguna berpindah halaman atau job dihentikan.',
      'Proxy atau load balancer menutup koneksi.',
    ],
    steps: [
      'Cari tahu apa yang membatalkan panggilan: periksa dulu setelan timeout dan abort Anda sendiri.',
      'Untuk mutate, periksa apakah perubahan sudah diterapkan (cari resource-nya) sebelum mengirimnya lagi; mutate yang dibatalkan mungkin sudah berlaku.',
      'Beri panggilan yang lama, seperti laporan SearchStream, deadline yang lebih panjang.',
    ],
    prevent: ['Tetapkan deadline yang sesuai dengan besarnya pekerjaan, dan pecah mutate serta laporan besar menjadi bagian-bagian yang lebih kecil.'],
  },
  UNKNOWN: {
    title: 'Error server tidak diketahui (UNKNOWN)',
    what: 'Server gagal tanpa menyebutkan penyebab yang lebih spesifik. Anggap ini sebagai masalah server sementara.',
    causes: ['Kegagalan sementara di sisi API.', 'Error dari sistem lain yang tidak dapat diklasifikasikan oleh API.'],
    steps: [
      'Kirim ulang permintaan setelah menunggu sebentar, dengan backoff eksponensial.',
      'Untuk mutate, periksa dulu apakah sudah diterapkan; hasil UNKNOWN bisa saja menyembunyikan perubahan yang sebenarnya berhasil.',
      'Jika terus terjadi, laporkan dengan ID permintaan.',
    ],
    prevent: ['Buat mutate aman untuk diulang (periksa dulu baru buat, atau gunakan nama yang stabil), agar retry setelah kegagalan yang tidak jelas tidak menimbulkan masalah.'],
  },
  INVALID_ARGUMENT: {
    title: 'Permintaan tidak valid (INVALID_ARGUMENT)',
    what: 'API menolak permintaan karena salah bentuk: ada nilai, nama resource, atau kolom yang keliru. GoogleAdsFailure di dalam error menyebutkan kolom dan alasan persisnya.',
    causes: [
      'Sebuah kolom berisi nilai yang tidak diterima API (format salah, di luar rentang, terlalu panjang, tidak diisi).',
      'Nama resource salah format, misalnya customers/123-456-7890/campaigns/1 dan bukan customers/1234567890/campaigns/1.',
      'Kueri (GAQL) memiliki kesalahan sintaks atau memilih kolom yang tidak dapat digabungkan.',
    ],
    steps: [
      'Baca error di GoogleAdsFailure: masing-masing berisi kode error, pesan, dan jalur kolom yang menunjuk ke nilai yang harus diubah.',
      'Perbaiki nilai tersebut lalu kirim ulang permintaan; mengirimnya lagi tanpa perubahan akan gagal dengan cara yang sama.',
    ],
    prevent: ['Validasi nilai sebelum mengirim, dan coba permintaan baru dengan validate_only disetel ke true.'],
  },
  DEADLINE_EXCEEDED: {
    title: 'Deadline terlampaui (DEADLINE_EXCEEDED)',
    what: 'Deadline panggilan sudah lewat sebelum server selesai mengerjakannya.',
    causes: [
      'Permintaan mengerjakan banyak hal (laporan besar, banyak operasi) sementara deadline-nya pendek.',
      'Server sempat lambat untuk beberapa saat.',
    ],
    steps: [
      'Kirim ulang dengan backoff eksponensial; untuk mutate, periksa dulu apakah sudah diterapkan.',
      'Jika terjadi di setiap percobaan, beri panggilan deadline yang lebih panjang atau perkecil permintaannya (lebih sedikit operasi, rentang tanggal lebih sempit, lebih sedikit kolom).',
    ],
    prevent: ['Jaga permintaan tetap kecil (pecah mutate, gunakan paging atau streaming untuk laporan besar) dan tetapkan deadline yang sesuai dengan pekerjaannya.'],
  },
  NOT_FOUND: {
    title: 'Tidak ditemukan (NOT_FOUND)',
    what: 'Sesuatu yang dirujuk permintaan tidak ada: pelanggan, kampanye, grup iklan, atau resource lain.',
    causes: [
      'ID atau nama resource salah ketik atau milik akun pelanggan lain.',
      'Resource sudah dihapus.',
      'Akun baru saja dibuat dan belum siap.',
    ],
    steps: [
      'Periksa ID dalam permintaan: ID pelanggan harus 10 digit tanpa tanda hubung, dan setiap nama resource harus diawali customers/{that ID}/.',
      'Cari resource tersebut dengan kueri GAQL untuk melihat apakah resource itu ada dan apa statusnya.',
    ],
    prevent: ['Ambil ID dari API (hasil search atau respons mutate), jangan mengetiknya manual atau menyimpannya di cache terlalu lama.'],
  },
  ALREADY_EXISTS: {
    title: 'Sudah ada (ALREADY_EXISTS)',
    what: 'Permintaan mencoba membuat sesuatu yang sudah ada.',
    causes: ['Sudah ada item dengan nama atau kunci yang sama, mungkin dibuat oleh percobaan sebelumnya dari permintaan yang sama.'],
    steps: [
      'Cari item yang sudah ada lalu perbarui item itu daripada membuat yang baru, atau pilih nama lain.',
      'Jika ini terjadi karena retry setelah timeout, kemungkinan percobaan pertama sudah berhasil: gunakan hasilnya.',
    ],
    prevent: ['Periksa sebelum membuat, dan beri item nama yang unik dan stabil agar permintaan yang berulang dapat dikenali.'],
  },
  PERMISSION_DENIED: {
    title: 'Izin ditolak (PERMISSION_DENIED)',
    what: 'Kredensialnya valid, tetapi tidak mengizinkan operasi ini di akun ini.',
    causes: [
      'Pengguna yang login mengakses akun melalui akun pengelola, dan permintaan tidak memiliki header login-customer-id (atau nilainya salah).',
      'Peran pengguna di akun terlalu rendah (misalnya hanya-baca untuk sebuah mutate).',
      'Token developer tidak disetujui untuk jenis akun atau fitur ini.',
    ],
    steps: [
      'Isi header login-customer-id dengan ID 10 digit (tanpa tanda hubung) dari akun pengelola yang memberi pengguna akses.',
      'Periksa di Google Ads, pada Admin > Akses dan keamanan, bahwa Akun Google yang login memiliki peran yang dibutuhkan operasi ini.',
      'Baca kode error di dalam failure (authorizationError…): kode itu menyebutkan alasan persisnya.',
    ],
    prevent: ['Simpan ID pelanggan, login-customer-id, dan pengguna OAuth dari setiap permintaan bersama dalam satu konfigurasi, dan periksa akses saat menambahkan akun baru.'],
  },
  RESOURCE_EXHAUSTED: {
    title: 'Kuota atau batas laju tercapai (RESOURCE_EXHAUSTED)',
    what: 'Sebuah batas tercapai: terlalu banyak permintaan dalam waktu singkat, atau kuota harian token developer habis. Detail kuota dalam error menyebutkan batas mana dan berapa lama harus menunggu.',
    causes: [
      'Terlalu banyak permintaan per detik untuk akun atau token developer.',
      'Batas operasi harian token developer dengan akses Dasar (15.000 operasi per hari) sudah habis.',
      'Kueri yang memakai banyak resource server dalam waktu singkat.',
    ],
    steps: [
      'Cari waktu tunggu retry di error (detail kuota atau RetryInfo) dan tunggu setidaknya selama itu.',
      'Kurangi laju permintaan dan kirim ulang dengan backoff eksponensial.',
      'Jika waktu tunggunya berjam-jam, itu batas harian: berhenti untuk hari ini, dan ajukan akses Standar jika Anda butuh lebih banyak operasi.',
    ],
    prevent: ['Kelompokkan operasi (banyak operasi dalam satu permintaan mutate), simpan hasil laporan di cache, dan sebarkan permintaan secara merata dari waktu ke waktu.'],
  },
  FAILED_PRECONDITION: {
    title: 'Prasyarat tidak terpenuhi (FAILED_PRECONDITION)',
    what: 'Bentuk permintaannya benar, tetapi akun atau resource tidak berada dalam kondisi yang dibutuhkan.',
    causes: [
      'Resource terkait sudah dihapus, dijeda, atau belum disiapkan.',
      'Akun belum sepenuhnya disiapkan (penagihan, persyaratan, status).',
      'Kolom atau setelan yang wajib untuk kondisi ini tidak ada.',
    ],
    steps: [
      'Baca kode error dan pesan dari setiap error: keduanya menyebutkan kondisi yang gagal.',
      'Ubah dulu kondisinya (aktifkan resource, selesaikan penyiapan), lalu kirim ulang permintaan.',
    ],
    prevent: ['Baca kondisi akun dan resource saat ini sebelum melakukan mutate, terutama setelah orang atau alat lain mengubahnya.'],
  },
  ABORTED: {
    title: 'Dihentikan karena konflik (ABORTED)',
    what: 'Server menghentikan operasi karena konflik konkurensi, misalnya dua perubahan pada resource yang sama di waktu yang sama.',
    causes: ['Permintaan lain (dari Anda atau alat lain) mengubah resource yang sama pada saat yang bersamaan.'],
    steps: [
      'Kirim ulang setelah menunggu sebentar dengan backoff; biasanya ini berhasil.',
      'Jika terus berulang, kirim perubahan untuk resource yang sama satu per satu, bukan secara paralel.',
    ],
    prevent: ['Jangan kirim mutate paralel yang menyentuh resource yang sama; gabungkan dalam satu permintaan.'],
  },
  OUT_OF_RANGE: {
    title: 'Di luar rentang (OUT_OF_RANGE)',
    what: 'Sebuah nilai atau posisi melewati rentang yang valid, misalnya halaman setelah halaman terakhir atau tanggal di luar batas yang diizinkan.',
    causes: ['Token halaman, offset, atau indeks yang melewati akhir data.', 'Tanggal atau angka di luar rentang yang diizinkan.'],
    steps: ['Periksa rentang yang disebutkan dalam pesan error dan ubah nilai atau posisinya.'],
    prevent: ['Baca batas dan rentang di referensi API, dan hentikan paging jika token halaman berikutnya tidak lagi dikembalikan.'],
  },
  UNIMPLEMENTED: {
    title: 'Tidak diimplementasikan (UNIMPLEMENTED)',
    what: 'Metode atau fitur ini tidak disediakan oleh layanan atau versi API yang Anda panggil.',
    causes: ['Nama metode atau jalur URL yang tidak ada di versi API tersebut.', 'Versi API yang sudah dihentikan.', 'Fitur yang tidak tersedia untuk jenis akun ini.'],
    steps: ['Periksa versi API di URL atau library (misalnya v25) dan nama metodenya; upgrade ke versi yang didukung.'],
    prevent: ['Selalu perbarui library klien dan versi API Anda; Google menghentikan versi lama sesuai jadwal yang dipublikasikan.'],
  },
  INTERNAL: {
    title: 'Error server internal (INTERNAL)',
    what: 'Ada yang gagal di dalam API. Biasanya bersifat sementara.',
    causes: ['Gangguan sementara di sisi Google.'],
    steps: [
      'Kirim ulang dengan backoff eksponensial; untuk mutate, periksa dulu apakah sudah berlaku.',
      'Jika terus gagal, laporkan dengan ID permintaan.',
    ],
    prevent: ['Buat kode Anda mengulang error sementara dengan backoff dan batas maksimum, dan catat ID permintaan dari setiap kegagalan.'],
  },
  UNAVAILABLE: {
    title: 'Layanan tidak tersedia (UNAVAILABLE)',
    what: 'Layanan tidak dapat dijangkau atau sempat down sebentar. Permintaan tidak dijalankan.',
    causes: ['Gangguan singkat atau kelebihan beban pada API.', 'Masalah jaringan antara Anda dan Google (DNS, proxy, koneksi terputus).'],
    steps: ['Kirim ulang dengan backoff eksponensial (1 dtk, 2 dtk, 4 dtk… dengan jitter).', 'Jika berlangsung lama, periksa jaringan Anda dan status Google Ads API.'],
    prevent: ['Ulangi error sementara dengan backoff, dan buat job yang lama agar bisa dilanjutkan.'],
  },
  DATA_LOSS: {
    title: 'Data hilang (DATA_LOSS)',
    what: 'Server melaporkan bahwa data hilang atau rusak. Ini jarang terjadi dan serius.',
    causes: ['Gangguan di sisi Google yang merusak data untuk permintaan ini.'],
    steps: ['Jangan kirim ulang begitu saja. Simpan error lengkap dan ID permintaannya, lalu laporkan ke dukungan Google Ads API.', 'Periksa resource yang terdampak dengan kueri search.'],
    prevent: ['Simpan ID permintaan dan error lengkap dari setiap kegagalan, agar gangguan langka dapat diselidiki.'],
  },
  UNAUTHENTICATED: {
    title: 'Tidak terautentikasi (UNAUTHENTICATED)',
    what: 'Permintaan tidak membawa kredensial yang valid: token akses OAuth, token developer, atau keduanya tidak ada, salah, atau sudah kedaluwarsa.',
    causes: [
      'Header Authorization: Bearer tidak ada atau membawa token akses yang sudah kedaluwarsa atau dicabut.',
      'Header developer-token tidak ada atau salah.',
      'Token refresh atau kode otorisasi dikirim di tempat yang seharusnya berisi token akses.',
    ],
    steps: [
      'Dapatkan token akses baru dari token refresh Anda dan kirim sebagai Authorization: Bearer <token>.',
      'Kirim token developer Anda di header developer-token.',
      'Jika refresh gagal dengan invalid_grant, token refresh sudah tidak berlaku: jalankan lagi alur izin OAuth.',
    ],
    prevent: ['Biarkan library klien memperbarui token akses untuk Anda, dan gunakan kembali setiap token akses sampai sesaat sebelum kedaluwarsa.'],
  },
};
