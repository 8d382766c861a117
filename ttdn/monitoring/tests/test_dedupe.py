from ttdn.monitoring import dedupe, evaluation


def test_content_hash_ignores_case_spacing_and_unicode_form():
    import unicodedata

    a = dedupe.content_hash("Sơn La tiếp đoàn", "Nội dung  bài viết.")
    b = dedupe.content_hash(
        "SƠN LA TIẾP ĐOÀN", unicodedata.normalize("NFD", "Nội dung bài viết")
    )
    assert a == b
    assert a != dedupe.content_hash("Sơn La tiếp đoàn", "Nội dung khác.")


def test_signature_round_trip():
    minhash = dedupe.signature(
        "một hai ba bốn năm sáu bảy", num_perm=128, shingle_size=3
    )
    restored = dedupe.from_bytes(dedupe.to_bytes(minhash), num_perm=128)
    assert restored.jaccard(minhash) == 1.0


def test_story_index_groups_near_duplicates_only():
    base = (
        "Sở Công Thương tỉnh Sơn La khẳng định thông tin đập thủy điện bị nứt là sai sự "
        "thật. Các thông số quan trắc đều nằm trong giới hạn cho phép. Người dân không "
        "chia sẻ thông tin chưa kiểm chứng."
    )
    index = dedupe.StoryIndex(threshold=0.4, num_perm=128)
    index.add("a", dedupe.signature(base, num_perm=128, shingle_size=3), "story-1")
    republished = "(Báo Thử) – " + base + " Nguồn: Cổng thông tin tỉnh."
    match = index.best_match(
        dedupe.signature(republished, num_perm=128, shingle_size=3)
    )
    assert match.story == "story-1"
    assert match.similarity > 0.6
    other = "Tỉnh Điện Biên tổ chức lễ hội hoa ban với nhiều hoạt động văn hóa đặc sắc."
    assert (
        index.best_match(dedupe.signature(other, num_perm=128, shingle_size=3)) is None
    )


def test_grouping_precision_on_fixture_set():
    """The figures reported in docs/monitoring.md."""
    score = evaluation.evaluate_dedupe(0.4)
    assert score.as_dict() == {
        "threshold": 0.4,
        "documents": 233,
        "true_pairs": 20,
        "predicted_pairs": 20,
        "correct_pairs": 20,
        "precision": 1.0,
        "recall": 1.0,
    }
    low = evaluation.evaluate_dedupe(0.2)
    assert low.precision < 0.9  # too low a threshold merges different events
    high = evaluation.evaluate_dedupe(0.6)
    assert high.recall < 0.5  # too high misses republications
