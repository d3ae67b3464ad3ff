"""Train the event/attack model and write it to models/event-minilm: `python -m classifiers.train`."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from classifiers import encoder as enc
from classifiers.event_model import (
    ATTACK_LABELS,
    ENCODER_FILE,
    EVENT_LABELS,
    HEADS_FILE,
    METADATA_FILE,
    MODEL_DIR,
    TOKENIZER_DIR,
    EventModel,
)

log = logging.getLogger("classifiers.train")

DATA_DIR = Path(__file__).resolve().parent / "data"
WORK_DIR = Path(__file__).resolve().parents[1] / "var" / "train"
SEED = 13


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Everything that decides the encoder weights; its hash keys the cached ONNX export."""

    mode: str = "frozen"  # "frozen" (shipped; chosen on validation) or "finetune"
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 4e-5
    max_tokens: int = enc.MAX_TOKENS
    # C = 2 and hand-written reports weighted 6: chosen on dev's 78 hand-written reports (event accuracy
    # 0.910 -> 0.936, attack-type macro-F1 0.867 -> 0.929 against C = 4, weight 1; generated dev reports
    # unchanged). Freely written copy is what real pages look like, and it is 7% of the training set.
    head_c: float = 2.0
    hand_weight: float = 6.0
    # Also fit the event head on body-only views, so a headline phrasing never seen in training
    # cannot carry the decision alone (phrase-held-out validation: event accuracy +1.5 points;
    # it cost the attack head as much, so that head sees full texts only).
    body_views: bool = True
    # Cue/fact features beside the embedding (classifiers/features.py), multiplied by this scale; 0 = none.
    feature_scale: float = 0.3
    seed: int = SEED


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sha256_files(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def set_seeds(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(enc.THREADS)
    torch.use_deterministic_algorithms(True, warn_only=True)


def inputs_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    return [enc.join_title_text(r["title"], r["text"]) for r in rows]


def feature_matrices(pairs: Sequence[tuple[str, str]], scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The scaled event and attack features of (title, text) pairs, exactly as EventModel computes them."""
    from classifiers import features as feat

    if scale <= 0:
        return np.zeros((len(pairs), 0), np.float32), np.zeros((len(pairs), 0), np.float32)
    event_rows, attack_rows = [], []
    for title, text in pairs:
        event_rows.append(feat.event_features(title, text, feat.read_facts(title, text)))
        attack_rows.append(feat.attack_features(title, text))
    return np.vstack(event_rows) * np.float32(scale), np.vstack(attack_rows) * np.float32(scale)


# ---------------------------------------------------------------- fine-tuning


def finetune(rows: Sequence[dict[str, Any]], out_dir: Path, cfg: TrainConfig) -> None:
    """Fine-tune MiniLM with an event head and an attack-type head; save the encoder only.

    The heads trained here only shape the encoder; the shipped heads are refitted afterwards on the
    int8 ONNX embeddings, so inference sees exactly the features its heads were fitted on.
    """
    import torch
    from transformers import AutoModel

    set_seeds(cfg.seed)
    source = enc.source_model_dir()
    tokenizer = enc.load_tokenizer(source)
    bert = AutoModel.from_pretrained(str(source))
    hidden = int(bert.config.hidden_size)
    event_head = torch.nn.Linear(hidden, len(EVENT_LABELS))
    attack_head = torch.nn.Linear(hidden, len(ATTACK_LABELS))
    dropout = torch.nn.Dropout(0.1)
    params = [*bert.parameters(), *event_head.parameters(), *attack_head.parameters()]
    optimizer = torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=0.01)

    texts = inputs_of(rows)
    event_y = torch.tensor([EVENT_LABELS.index(r["event_type"]) for r in rows])
    # -100 masks the attack loss for reports that are not attacks.
    attack_y = torch.tensor([ATTACK_LABELS.index(r["attack_type"]) if r["attack_type"] else -100 for r in rows])
    steps_per_epoch = (len(rows) + cfg.batch_size - 1) // cfg.batch_size
    total = steps_per_epoch * cfg.epochs
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    generator = torch.Generator().manual_seed(cfg.seed)
    bert.train()
    step = 0
    for epoch in range(cfg.epochs):
        order = torch.randperm(len(rows), generator=generator).tolist()
        started, running = time.perf_counter(), 0.0
        for start in range(0, len(order), cfg.batch_size):
            idx = order[start : start + cfg.batch_size]
            batch = tokenizer(
                [texts[i] for i in idx],
                truncation=True,
                max_length=cfg.max_tokens,
                padding=True,
                return_tensors="pt",
            )
            out = bert(
                input_ids=batch["input_ids"],
                attention_mask=batch["attention_mask"],
                token_type_ids=torch.zeros_like(batch["input_ids"]),
            ).last_hidden_state
            weights = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
            pooled = dropout((out * weights).sum(1) / weights.sum(1).clamp(min=1e-9))
            loss = loss_fn(event_head(pooled), event_y[idx])
            attack_targets = attack_y[idx]
            if bool((attack_targets >= 0).any()):
                loss = loss + loss_fn(attack_head(pooled), attack_targets)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            step += 1
        log.info(
            "epoch %d/%d: mean loss %.4f, %.0f s",
            epoch + 1,
            cfg.epochs,
            running / steps_per_epoch,
            time.perf_counter() - started,
        )
    bert.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    bert.save_pretrained(str(out_dir))
    for name in ("config.json",):
        if not (out_dir / name).exists():
            shutil.copyfile(source / name, out_dir / name)


# ---------------------------------------------------------------- encoder build (cached)


def encoder_fingerprint(cfg: TrainConfig, train_hash: str) -> str:
    payload = json.dumps(
        {
            "mode": cfg.mode,
            "epochs": cfg.epochs,
            "batch_size": cfg.batch_size,
            "lr": cfg.learning_rate,
            "max_tokens": cfg.max_tokens,
            "seed": cfg.seed,
            "exporter": enc.EXPORTER,
            "train": train_hash if cfg.mode == "finetune" else None,
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def build_encoder(
    train_rows: Sequence[dict[str, Any]],
    check_texts: Sequence[str],
    artifacts: Path,
    work: Path,
    cfg: TrainConfig,
    fingerprint: str,
) -> dict[str, Any]:
    """Fine-tune (or not), export to ONNX, quantise to int8 and compare it with the fp32 model."""
    source = enc.source_model_dir()
    if cfg.mode == "finetune":
        started = time.perf_counter()
        finetuned = work / "finetuned"
        finetune(train_rows, finetuned, cfg)
        source = finetuned
        log.info("fine-tuning took %.0f s", time.perf_counter() - started)
    fp32 = work / "encoder-fp32.onnx"
    started = time.perf_counter()
    enc.export_onnx(fp32, source)
    enc.quantize_int8(fp32, artifacts / ENCODER_FILE)
    log.info("export + quantisation took %.0f s", time.perf_counter() - started)
    enc.copy_tokenizer(artifacts / TOKENIZER_DIR)
    # The int8 graph must stay close to the fp32 one, or the heads would see different features.
    fp32_vecs = enc.OnnxEncoder(fp32, artifacts / TOKENIZER_DIR).encode(check_texts)
    int8_vecs = enc.OnnxEncoder(artifacts / ENCODER_FILE, artifacts / TOKENIZER_DIR).encode(check_texts)
    cosine = (fp32_vecs * int8_vecs).sum(axis=1)
    # And the fp32 graph must reproduce PyTorch, or the export itself went wrong.
    export_cosine = (enc.torch_encode(check_texts, source) * fp32_vecs).sum(axis=1)
    return {
        "fingerprint": fingerprint,
        "onnx_fp32_cosine_to_torch_min": round(float(export_cosine.min()), 5),
        "int8_cosine_to_fp32_mean": round(float(cosine.mean()), 4),
        "int8_cosine_to_fp32_min": round(float(cosine.min()), 4),
    }


# ---------------------------------------------------------------- heads


def fit_heads(
    x_event: np.ndarray,
    event_rows: Sequence[dict[str, Any]],
    x_attack: np.ndarray,
    attack_rows: Sequence[dict[str, Any]],
    c: float,
    seed: int,
    hand_weight: float = 1.0,
) -> dict[str, np.ndarray]:
    """Multinomial logistic regression for the event type, and for the attack type over attacks only.

    Hand-written reports (ids `hand-...`) count `hand_weight` times as much as generated ones.
    """
    from sklearn.linear_model import LogisticRegression

    def weights(rows: Sequence[dict[str, Any]]) -> np.ndarray:
        return np.array([hand_weight if str(r.get("id", "")).startswith("hand") else 1.0 for r in rows])

    event_y = [EVENT_LABELS.index(r["event_type"]) for r in event_rows]
    event = LogisticRegression(C=c, max_iter=5000, random_state=seed).fit(
        x_event, event_y, sample_weight=weights(event_rows)
    )
    attack_idx = [i for i, r in enumerate(attack_rows) if r["attack_type"]]
    attack_y = [ATTACK_LABELS.index(attack_rows[i]["attack_type"]) for i in attack_idx]
    # Balanced class weights: rare types (hijacking) otherwise lose to armed_assault on unseen
    # phrasings (phrase-held-out validation: macro-F1 0.918 -> 0.931).
    attack = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=seed).fit(
        x_attack[attack_idx], attack_y, sample_weight=weights([attack_rows[i] for i in attack_idx])
    )
    assert list(event.classes_) == list(range(len(EVENT_LABELS)))
    assert list(attack.classes_) == list(range(len(ATTACK_LABELS)))
    return {
        "event_coef": event.coef_.astype(np.float32),
        "event_intercept": event.intercept_.astype(np.float32),
        "attack_coef": attack.coef_.astype(np.float32),
        "attack_intercept": attack.intercept_.astype(np.float32),
    }


def score_heads(heads: dict[str, np.ndarray], x: np.ndarray, rows: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Event accuracy and end-to-end attack-type macro-F1 of heads on precomputed embeddings."""
    from classifiers.evaluate import NONE, per_class

    events = (x @ heads["event_coef"].T + heads["event_intercept"]).argmax(axis=1)
    attacks = (x @ heads["attack_coef"].T + heads["attack_intercept"]).argmax(axis=1)
    pred_e = [EVENT_LABELS[i] for i in events]
    pred_a = [ATTACK_LABELS[j] if e == "attack" else NONE for e, j in zip(pred_e, attacks, strict=True)]
    accuracy = float(np.mean([r["event_type"] == p for r, p in zip(rows, pred_e, strict=True)]))
    scores = per_class([r["attack_type"] or NONE for r in rows], pred_a, ATTACK_LABELS)
    return accuracy, float(np.mean([s.f1 for s in scores.values()]))


def phrase_held_out_selection(cfg: TrainConfig, work: Path) -> None:
    """Model selection on phrasings never trained on, without touching the test split.

    The generator's train phrasings are halved into pools fitA and fitB; models are fitted on 2,000
    fitA reports and scored on 400 fitB reports, which mimics what the test split measures (unseen
    frames) far better than dev, whose phrasings train already contains.
    """
    from dataclasses import asdict

    from classifiers.data import generate

    fit_a = [asdict(r) for r in generate.generate_split("cvA", 2000, 4404, "fitA")]
    fit_b = [asdict(r) for r in generate.generate_split("cvB", 400, 5505, "fitB")]
    work.mkdir(parents=True, exist_ok=True)
    tokenizer_dir = work / TOKENIZER_DIR
    enc.copy_tokenizer(tokenizer_dir)
    source = enc.source_model_dir()
    if cfg.mode == "finetune":
        finetune(fit_a, work / "cv-finetuned", cfg)
        source = work / "cv-finetuned"
    enc.export_onnx(work / "cv-fp32.onnx", source)
    enc.quantize_int8(work / "cv-fp32.onnx", work / "cv-int8.onnx")
    encoder = enc.OnnxEncoder(work / "cv-int8.onnx", tokenizer_dir)
    x_a = encoder.encode(inputs_of(fit_a))
    x_a_body = encoder.encode([enc.join_title_text("", r["text"]) for r in fit_a])
    x_b = encoder.encode(inputs_of(fit_b))
    for body_views in (False, True):
        for c in (1.0, 4.0, 16.0):
            x_event = np.vstack([x_a, x_a_body]) if body_views else x_a
            event_rows = fit_a + fit_a if body_views else fit_a
            heads = fit_heads(x_event, event_rows, x_a, fit_a, c, cfg.seed)
            accuracy, f1 = score_heads(heads, x_b, fit_b)
            print(
                f"{cfg.mode} body_views={body_views!s:<5} C={c:<5} "
                f"fitA->fitB event acc {accuracy:.3f}  attack F1 {f1:.3f}"
            )


def main(argv: Sequence[str] | None = None) -> None:
    defaults = TrainConfig()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="directory of the generated splits")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--work", type=Path, default=WORK_DIR, help="scratch space (fp32 ONNX, checkpoints)")
    parser.add_argument("--mode", choices=("finetune", "frozen"), default=defaults.mode)
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--from-scratch", action="store_true", help="rebuild the encoder even if cached")
    parser.add_argument("--select", action="store_true", help="print phrase-held-out validation; write nothing")
    args = parser.parse_args(argv)
    # The exporter and quantiser log hundreds of INFO lines; keep ours only.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    log.setLevel(logging.INFO)
    os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR", str(WORK_DIR.parent / "torchinductor"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    cfg = TrainConfig(mode=args.mode, epochs=args.epochs)
    if args.select:
        phrase_held_out_selection(cfg, args.work / "select")
        return
    started = time.perf_counter()
    from classifiers.data.corpus import corpus_sha256, load_split

    train_rows, dev_rows = load_split("train", args.data), load_split("dev", args.data)
    train_hash = corpus_sha256(train_rows)
    fingerprint = encoder_fingerprint(cfg, train_hash)
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)

    previous: dict[str, Any] = {}
    if (args.out / METADATA_FILE).exists():
        previous = json.loads((args.out / METADATA_FILE).read_text())
    cached = previous.get("encoder", {})
    if (
        not args.from_scratch
        and (args.out / ENCODER_FILE).exists()
        and cached.get("fingerprint") == fingerprint
        and cached.get("sha256") == sha256_files([args.out / ENCODER_FILE])
    ):
        log.info("encoder %s is up to date; skipping fine-tuning and export", fingerprint)
        encoder_meta = cached
    else:
        encoder_meta = build_encoder(train_rows, inputs_of(dev_rows[:64]), args.out, args.work, cfg, fingerprint)
        encoder_meta["sha256"] = sha256_files([args.out / ENCODER_FILE])

    encoder = enc.OnnxEncoder(args.out / ENCODER_FILE, args.out / TOKENIZER_DIR)
    t0 = time.perf_counter()
    x_train = encoder.encode(inputs_of(train_rows))
    f_event, f_attack = feature_matrices([(r["title"], r["text"]) for r in train_rows], cfg.feature_scale)
    x_attack = np.hstack([x_train, f_attack])
    x_event, event_rows = np.hstack([x_train, f_event]), list(train_rows)
    if cfg.body_views:
        x_body = encoder.encode([enc.join_title_text("", r["text"]) for r in train_rows])
        f_body, _ = feature_matrices([("", r["text"]) for r in train_rows], cfg.feature_scale)
        x_event, event_rows = np.vstack([x_event, np.hstack([x_body, f_body])]), event_rows + list(train_rows)
    log.info("embedded %d training reports in %.0f s", len(train_rows), time.perf_counter() - t0)
    heads = fit_heads(x_event, event_rows, x_attack, train_rows, cfg.head_c, cfg.seed, cfg.hand_weight)
    np.savez(args.out / HEADS_FILE, **heads)  # type: ignore[arg-type]
    (args.out / "labels.json").write_text(
        json.dumps({"event_type": EVENT_LABELS, "attack_type": ATTACK_LABELS}, indent=2) + "\n"
    )

    # Dev is for model selection only; the test split is never read here.
    from classifiers import features as feat
    from classifiers.evaluate import evaluate_rows, format_report

    metadata: dict[str, Any] = {
        "model": "all-MiniLM-L6-v2 mean-pooled, ONNX int8 (dynamic, per-channel) + logistic heads",
        "mode": cfg.mode,
        "config": {
            "max_tokens": cfg.max_tokens,
            "head_c": cfg.head_c,
            "hand_weight": cfg.hand_weight,
            "body_views": cfg.body_views,
            "feature_scale": cfg.feature_scale,
            **(
                {
                    "event_features": feat.event_feature_names(),
                    "attack_features": feat.attack_feature_names(),
                    "cues_sha256": feat.cues_sha256(),
                }
                if cfg.feature_scale > 0
                else {}
            ),
            "seed": cfg.seed,
            **(
                {"epochs": cfg.epochs, "batch_size": cfg.batch_size, "learning_rate": cfg.learning_rate}
                if cfg.mode == "finetune"
                else {}
            ),
        },
        "data": {"train_sha256": train_hash, "dev_sha256": corpus_sha256(dev_rows), "train_size": len(train_rows)},
        "encoder": encoder_meta,
    }
    (args.out / METADATA_FILE).write_text(json.dumps(metadata, indent=2) + "\n")
    model = EventModel.load(args.out)
    dev_report = evaluate_rows(model, dev_rows)
    print(format_report("dev", dev_report))
    metadata["version"] = model.version
    metadata["dev_metrics"] = dev_report.summary()
    metadata["train_seconds"] = round(time.perf_counter() - started, 1)
    (args.out / METADATA_FILE).write_text(json.dumps(metadata, indent=2) + "\n")
    log.info("wrote %s (version %s) in %.0f s", args.out, model.version, time.perf_counter() - started)


if __name__ == "__main__":
    main()
