-- The catalogue ships with Sa Đéc city (Đồng Tháp): the city's one-stop shop and its wards and communes.
-- The same codes are used by deadline-service and stats-service for unit rollups.
INSERT INTO unit (code, name, parent_code) VALUES
    ('SADEC',     'UBND thành phố Sa Đéc', NULL),
    ('SADEC-P1',  'UBND Phường 1', 'SADEC'),
    ('SADEC-P2',  'UBND Phường 2', 'SADEC'),
    ('SADEC-P3',  'UBND Phường 3', 'SADEC'),
    ('SADEC-P4',  'UBND Phường 4', 'SADEC'),
    ('SADEC-AH',  'UBND Phường An Hòa', 'SADEC'),
    ('SADEC-TQD', 'UBND Phường Tân Quy Đông', 'SADEC'),
    ('SADEC-TKD', 'UBND Xã Tân Khánh Đông', 'SADEC'),
    ('SADEC-TQT', 'UBND Xã Tân Quy Tây', 'SADEC'),
    ('SADEC-TPD', 'UBND Xã Tân Phú Đông', 'SADEC');

-- A starter set of common procedures; administrators keep the catalogue with PUT /api/procedures/{code}.
INSERT INTO procedure (code, name, field, processing_amount, processing_unit, cutoff, online_levels) VALUES
    ('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 0, 'WORKING_DAYS', '15:00', '3,4'),
    ('1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 0, 'WORKING_DAYS', '15:00', '3'),
    ('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 3, 'WORKING_DAYS', NULL, '3,4'),
    ('2.000815', 'Chứng thực bản sao từ bản chính', 'Chứng thực', 0, 'WORKING_DAYS', '15:00', ''),
    ('2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'Chứng thực', 4, 'WORKING_HOURS', NULL, ''),
    ('2.000720', 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh', 'Thành lập và hoạt động hộ kinh doanh', 3, 'WORKING_DAYS', NULL, '3,4'),
    ('1.009994', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Xây dựng', 15, 'WORKING_DAYS', NULL, '3,4'),
    ('1.004227', 'Đăng ký biến động quyền sử dụng đất', 'Đất đai', 10, 'WORKING_DAYS', NULL, '3'),
    ('1.001776', 'Thủ tục xét hưởng chính sách hỗ trợ cho đối tượng bảo trợ xã hội', 'Bảo trợ xã hội', 7, 'WORKING_DAYS', NULL, '3,4');
