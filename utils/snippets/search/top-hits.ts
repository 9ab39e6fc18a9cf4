/**
 * Keeps the best `limit` candidates seen so far, best first, without sorting every match:
 * a one-letter query can match all 20,000 snippets, and only ~20 are shown.
 * Order: higher score, then shorter title, then lower position (the caller passes positions in library order).
 */
export class TopHits {
  private readonly positions: number[] = [];
  private readonly scores: number[] = [];
  private readonly titleLengths: number[] = [];

  constructor(readonly limit: number) {}

  offer(position: number, score: number, titleLength: number): void {
    let at = this.positions.length;
    if (at === this.limit && !this.beats(score, titleLength, position, at - 1)) return;
    while (at > 0 && this.beats(score, titleLength, position, at - 1)) at--;
    this.positions.splice(at, 0, position);
    this.scores.splice(at, 0, score);
    this.titleLengths.splice(at, 0, titleLength);
    if (this.positions.length > this.limit) {
      this.positions.pop();
      this.scores.pop();
      this.titleLengths.pop();
    }
  }

  /** The score a candidate must beat (or tie, with a shorter title or earlier position) once full; -Infinity before. */
  worstScore(): number {
    return this.positions.length < this.limit ? -Infinity : (this.scores[this.limit - 1] ?? -Infinity);
  }

  get size(): number {
    return this.positions.length;
  }

  /** Best first. */
  ranked(): { position: number; score: number }[] {
    return this.positions.map((position, rank) => ({ position, score: this.scores[rank] ?? 0 }));
  }

  private beats(score: number, titleLength: number, position: number, rank: number): boolean {
    const otherScore = this.scores[rank] ?? -Infinity;
    if (score !== otherScore) return score > otherScore;
    const otherLength = this.titleLengths[rank] ?? Infinity;
    if (titleLength !== otherLength) return titleLength < otherLength;
    return position < (this.positions[rank] ?? Infinity);
  }
}
