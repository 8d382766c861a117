"""Demo documents of the library (Sơn La). The text of plan 51/KH-UBND is
rebuilt from the province's published summary of it (seed 001); the demo file
says so in its first line."""

UBND = "Ủy ban nhân dân tỉnh Sơn La"
SNGV = "Sở Ngoại vụ tỉnh Sơn La"

PLAN_51 = {
    "doc_type": "KH",
    "number": "51/KH-UBND",
    "issued_on": (2017, 3, 27),
    "effective_from": (2017, 3, 27),
    "summary": (
        "Hành động triển khai công tác đối ngoại tỉnh Sơn La giai đoạn 2017 – 2018"
    ),
    "signer": "TM. Ủy ban nhân dân tỉnh",
    "field": "foreign_affairs",
    "file_title": "Kế hoạch 51/KH-UBND ngày 27/03/2017 (bản trình diễn)",
    "file_name": "51-KH-UBND-2017.docx",
}
PLAN_51_PARAGRAPHS = [
    (
        "Tăng cường quán triệt thực hiện chủ trương, đường lối của Đảng và Nhà nước"
        " về đối ngoại và hội nhập quốc tế. Nâng cao hiệu quả quản lý hoạt động đối"
        " ngoại, xây dựng các chương trình, kế hoạch để cụ thể hóa mục tiêu, nhiệm "
        "vụ công tác đối ngoại của Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV "
        "nhiệm kỳ 2015 – 2020 đề ra; tổ chức thực hiện Quy chế quản lý thống nhất "
        "các hoạt động đối ngoại của tỉnh ta. Ban hành và tổ chức triển khai thực "
        "hiện hiệu quả chương trình đối ngoại hàng năm đã được phê duyệt; củng cố "
        "và tăng cường hiệu quả hoạt động của Ban chỉ đạo về Hội nhập quốc tế tỉnh."
        " Tăng cường công tác quản lý nhà nước và công tác kiểm tra, giám sát trong"
        " triển khai thực hiện các hoạt động đối ngoại, đảm bảo hiệu quả, tiết kiệm"
        " và nâng cao tính chủ động của các sở, ngành, địa phương, đơn vị trên địa "
        "bàn. Thực hiện tốt công tác thanh tra ngoại giao theo quy định của Chính "
        "phủ và đảm bảo quá trình triển khai thực hiện các hoạt động đối ngoại trên"
        " địa bàn tuân thủ các quy định."
    ),
    (
        "Đối với công tác ngoại giao kinh tế, tỉnh ta tập trung đẩy mạnh hoạt động,"
        " đổi mới phương thức xúc tiến vận động, thu hút các nguồn vốn FDI, ODA, "
        "NGO góp phần phát triển kinh tế - xã hội của tỉnh, chú trọng thu hút đầu "
        "tư nước ngoài vào khu du lịch quốc gia Mộc Châu; hỗ trợ các doanh nghiệp "
        "địa phương trong việc kết nối với các đối tác nước ngoài, thu hút đầu tư. "
        "Tiếp tục đẩy mạnh triển khai thực hiện Chương trình xúc tiến vận động "
        "nguồn viện trợ phi chính phủ nước ngoài; hàng năm ban hành Kế hoạch xúc "
        "tiến vận động viện trợ phi chính phủ nước ngoài làm căn cứ triển khai thực"
        " hiện; tranh thủ sự giúp đỡ của các cơ quan đầu mối Trung ương; tăng cường"
        " tiếp xúc, gặp gỡ các tổ chức phi chính phủ nước ngoài và các cơ quan đối "
        "tác; đa dạng hóa các hình thức vận động …"
    ),
    (
        "Đẩy mạnh và sâu sắc hơn mối quan hệ hợp tác quốc tế, duy trì và không "
        "ngừng phát triển mối quan hệ truyền thống hữu nghị, hợp tác toàn diện với "
        "các tỉnh Bắc Lào. Thực hiện nghiêm túc các văn bản hợp tác đã ký kết với "
        "các tỉnh bạn Lào, triển khai thực hiện đi vào chiều sâu theo hướng hợp tác"
        " phát triển kinh tế đôi bên cùng có lợi và hợp tác trên các lĩnh vực quốc "
        "phòng, an ninh, phát triển nông nghiệp, giáo dục đào tạo; duy trì và tăng "
        "cường công tác trao đổi đoàn các cấp để tổng kết, đánh giá kết quả hợp "
        "tác. Đẩy mạnh công tác bảo vệ, xây dựng đường biên giới hòa bình, ổn định,"
        " hợp tác và phát triển; thực hiện tốt công tác tuyên truyền, phổ biến, "
        "hướng dẫn và tổ chức thực hiện nghiêm túc Hiệp định quy chế biên giới Quốc"
        " gia Việt Nam – Lào; kiên quyết đấu tranh với các loại tội phạm qua biên "
        "giới. Thực hiện đầy đủ các cam kết trong cộng đồng ASEAN, thiết lập và đưa"
        " các mối quan hệ đối tác đi vào thực chất."
    ),
    (
        "Nâng cao hiệu quả công tác đối ngoại Đảng và đối ngoại nhân dân, đẩy mạnh "
        "công tác đối với người Việt Nam ở nước ngoài. Tích cực triển khai Chiến "
        "lược ngoại giao văn hóa đến năm 2020. Đổi mới, nâng cao chất lượng công "
        "tác đối ngoại nhằm tăng cường giới thiệu, quảng bá hình ảnh, tiềm năng, "
        "thế mạnh của tỉnh đến với bạn bè, cộng đồng quốc tế, xây dựng các sản phẩm"
        " thông tin đối ngoại, văn hóa đối ngoại có chất lượng. tiếp tục kiện toàn "
        "bộ máy tổ chức làm công tác đối ngoại địa phương theo hướng chuyên nghiệp,"
        " tăng cường nguồn lực cho công tác đối ngoại và hội nhập quốc tế."
    ),
]

# A decision that is not public (the register's approval of a delegation).
DECISION = {
    "doc_type": "QĐ",
    "number": "125/QĐ-UBND",
    "issued_on": (2016, 10, 12),
    "summary": (
        "Về việc cử đoàn cán bộ tỉnh Sơn La đi công tác tại tỉnh Hủa Phăn, "
        "nước CHDCND Lào"
    ),
    "signer": "KT. Chủ tịch – Phó Chủ tịch",
    "field": "foreign_affairs",
    "file_title": "Quyết định 125/QĐ-UBND (bản trình diễn)",
    "file_name": "125-QD-UBND-2016.docx",
    "paragraphs": [
        "Cử đoàn cán bộ tỉnh Sơn La đi công tác tại tỉnh Hủa Phăn, nước Cộng hòa "
        "Dân chủ Nhân dân Lào để trao đổi kết quả hợp tác năm 2016.",
        "Kinh phí do ngân sách tỉnh bảo đảm theo quy định.",
    ],
}
