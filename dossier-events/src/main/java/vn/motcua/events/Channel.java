package vn.motcua.events;

/** How a dossier reached the one-stop shop (kênh tiếp nhận). */
public enum Channel {
    /** Trực tiếp: at the counter or a kiosk. */
    DIRECT,
    /** Bưu chính công ích (Decision 45/2016/QĐ-TTg). */
    POSTAL,
    /** Trực tuyến, level 3 ("một phần") or 4 ("toàn trình"). */
    ONLINE
}
