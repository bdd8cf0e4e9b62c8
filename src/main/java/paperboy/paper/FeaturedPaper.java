package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;

/** A paper as it stands on a daily list: the paper, the day it was featured and when. */
public record FeaturedPaper(Paper paper, LocalDate day, Instant featuredAt) {}
